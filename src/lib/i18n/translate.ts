import { IntlMessageFormat } from 'intl-messageformat';
import { baseLocale, locales, type Locale } from './locales.ts';
import { coreAreas } from './catalog/core.ts';
import type { AreaCatalog } from './catalog/types.ts';

export type MessageValues = Record<string, string | number | Date>;

const catalogs = Object.fromEntries(
	locales.map((l) => [l, Object.assign({}, ...Object.values(coreAreas).map((area) => area[l]))])
) as Record<Locale, Record<string, string>>;

/** Adds areas loaded later (src/lib/i18n/areas.ts); their keys never overlap (tests/unit/i18n.test.ts). */
export function addAreas(more: AreaCatalog[]): void {
	for (const locale of locales) Object.assign(catalogs[locale], ...more.map((area) => area[locale]));
}

// Servers, scripts and tests have every area at once (e.g. CAP and Atom texts use the HQ area). The
// browser loads the rest per route (the root layout's load), so this import never runs there.
if (!('window' in globalThis)) {
	const { areas } = await import('./catalog/index.ts');
	addAreas(Object.values(areas));
}
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
