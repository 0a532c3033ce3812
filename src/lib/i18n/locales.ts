/**
 * The five UI locales. Japanese is the source; やさしい日本語 (easy Japanese) is its own locale,
 * tagged `ja-x-easy` (BCP 47 private use: screen readers and `Intl` fall back to Japanese).
 */
export const locales = ['ja', 'ja-x-easy', 'en', 'zh-Hans', 'ko'] as const;
export type Locale = (typeof locales)[number];
export const baseLocale: Locale = 'ja';
export const localeCookie = 'bosai_locale';

/** Each locale's name written in that locale, for the language switcher. */
export const localeNames: Record<Locale, string> = {
	ja: '日本語',
	'ja-x-easy': 'やさしい にほんご',
	en: 'English',
	'zh-Hans': '简体中文',
	ko: '한국어'
};

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Picks the best supported locale from an Accept-Language header. */
export function matchAcceptLanguage(header: string | null | undefined): Locale {
	if (!header) return baseLocale;
	const ranked = header
		.split(',')
		.map((part) => {
			const [tag, ...params] = part.trim().split(';');
			const q = params.find((p) => p.trim().startsWith('q='));
			return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
		})
		.filter((entry) => entry.tag && entry.q > 0)
		.sort((a, b) => b.q - a.q);
	for (const { tag } of ranked) {
		if (tag === 'ja-x-easy') return 'ja-x-easy';
		if (tag.startsWith('ja')) return 'ja';
		if (tag.startsWith('en')) return 'en';
		if (tag.startsWith('ko')) return 'ko';
		if (tag === 'zh' || tag.startsWith('zh-hans') || tag.startsWith('zh-cn') || tag.startsWith('zh-sg'))
			return 'zh-Hans';
	}
	return baseLocale;
}
