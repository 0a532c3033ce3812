import { describe, expect, it } from 'vitest';
import { areas } from '#lib/i18n/catalog/index.ts';
import { baseLocale, locales, matchAcceptLanguage } from '#lib/i18n/locales.ts';
import { translate } from '#lib/i18n/translate.ts';
import { IntlMessageFormat } from 'intl-messageformat';

describe('message catalogs', () => {
	for (const [area, catalog] of Object.entries(areas)) {
		for (const locale of locales) {
			it(`${area}: ${locale} has exactly the keys of ${baseLocale}`, () => {
				const source = Object.keys(catalog[baseLocale]).sort();
				const keys = Object.keys(catalog[locale]).sort();
				expect(keys).toEqual(source);
			});
			it(`${area}: ${locale} messages are non-empty, valid ICU and prefixed with the area`, () => {
				for (const [key, message] of Object.entries(catalog[locale])) {
					expect(key.startsWith(`${area}.`), key).toBe(true);
					expect(message.trim().length, key).toBeGreaterThan(0);
					expect(
						() => new IntlMessageFormat(message, locale === 'ja-x-easy' ? 'ja' : locale),
						key
					).not.toThrow();
				}
			});
		}
	}

	it('no key is defined in two areas', () => {
		const seen = new Map<string, string>();
		for (const [area, catalog] of Object.entries(areas)) {
			for (const key of Object.keys(catalog[baseLocale])) {
				expect(seen.get(key), key).toBeUndefined();
				seen.set(key, area);
			}
		}
	});
});

describe('translate', () => {
	it('formats numbers per locale and falls back to the key when missing', () => {
		expect(translate('ja', 'domain.capacity.value', { count: 1200 })).toBe('収容人数 1,200 人');
		expect(translate('en', 'domain.capacity.value', { count: 3 })).toBe('Capacity 3 people');
		expect(translate('ko', 'no.such.key')).toBe('no.such.key');
	});
});

describe('matchAcceptLanguage', () => {
	it.each([
		['en-US,en;q=0.9', 'en'],
		['zh-CN,zh;q=0.8', 'zh-Hans'],
		['ko-KR', 'ko'],
		['fr-FR, ja;q=0.5', 'ja'],
		['fr-FR', 'ja'],
		['', 'ja'],
		['ja-x-easy', 'ja-x-easy']
	])('%s → %s', (header, expected) => {
		expect(matchAcceptLanguage(header)).toBe(expected);
	});
});
