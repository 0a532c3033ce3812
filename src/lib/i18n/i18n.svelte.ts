import { baseLocale, localeCookie, type Locale } from './locales.ts';
import { translate, type MessageValues } from './translate.ts';

/** The page's current locale; components read it through `t()`, so they re-render on change. */
const state = $state<{ locale: Locale }>({ locale: baseLocale });

export function currentLocale(): Locale {
	return state.locale;
}

export function t(key: string, values?: MessageValues): string {
	return translate(state.locale, key, values);
}

/** Sets the locale for this page; in the browser also remembers it (cookie) and updates `lang`. */
export function setLocale(locale: Locale): void {
	state.locale = locale;
	if (typeof document !== 'undefined') {
		document.documentElement.lang = locale;
		document.cookie = `${localeCookie}=${locale}; path=/; max-age=31536000; samesite=lax`;
	}
}
