import { IntlMessageFormat } from 'intl-messageformat';
import { baseLocale, locales, type Locale } from './locales.ts';
import { mergedCatalog } from './catalog/index.ts';

export type MessageValues = Record<string, string | number | Date>;

const catalogs = Object.fromEntries(locales.map((l) => [l, mergedCatalog(l)])) as Record<
	Locale,
	Record<string, string>
>;
const compiled = new Map<string, IntlMessageFormat>();

/** Formats message `key` in `locale`; falls back to Japanese, then to the key itself. */
export function translate(locale: Locale, key: string, values?: MessageValues): string {
	const source = catalogs[locale][key] ?? catalogs[baseLocale][key];
	if (source === undefined) return key;
	const cacheKey = `${locale}\u0000${key}`;
	let format = compiled.get(cacheKey);
	if (!format) {
		format = new IntlMessageFormat(source, locale === 'ja-x-easy' ? 'ja' : locale);
		compiled.set(cacheKey, format);
	}
	return String(format.format(values));
}

export function hasMessage(key: string): boolean {
	return key in catalogs[baseLocale];
}
