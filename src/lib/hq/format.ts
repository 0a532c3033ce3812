/** Times on the HQ screens, in the reader's locale (やさしい日本語 formats as Japanese). */
import type { Locale } from '../i18n/locales.ts';

const intlLocale = (locale: Locale) => (locale === 'ja-x-easy' ? 'ja' : locale);

/** Month, day, hours and minutes: enough for reports and messages of one event. */
export function shortTime(iso: string, locale: Locale): string {
	return new Date(iso).toLocaleString(intlLocale(locale), {
		month: 'numeric',
		day: 'numeric',
		hour: '2-digit',
		minute: '2-digit'
	});
}

/** Full date and time, for alerts and the audit log. */
export function fullTime(iso: string, locale: Locale): string {
	return new Date(iso).toLocaleString(intlLocale(locale));
}
