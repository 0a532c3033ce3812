/** Alert texts: the Japanese text HQ writes, and templates that prefill the other locales. */
import type { AlertLevel, Hazard } from '../domain/vocabulary.ts';
import { areaDescription } from '../cap/cap.ts';
import { locales, type Locale } from '../i18n/locales.ts';
import { translate } from '../i18n/translate.ts';

export function templateText(
	locale: Locale,
	level: AlertLevel,
	hazard: Hazard,
	areas: readonly string[]
): string {
	return translate(locale, 'hq.template.body', {
		area: areaDescription(areas, locale),
		levelName: translate(locale, `domain.level.${level}`),
		hazard: translate(locale, `domain.hazard.${hazard}`)
	});
}

/** Texts for every locale from the templates (HQ edits them before issuing). */
export function templateTexts(
	level: AlertLevel,
	hazard: Hazard,
	areas: readonly string[]
): Record<Locale, string> {
	return Object.fromEntries(
		locales.map((locale) => [locale, templateText(locale, level, hazard, areas)])
	) as Record<Locale, string>;
}

/** The `text` of POST /api/alerts: Japanese always, other locales only when non-empty. */
export function alertTextBody(texts: Partial<Record<Locale, string>>): Partial<Record<Locale, string>> {
	const body: Partial<Record<Locale, string>> = {};
	for (const locale of locales) {
		const text = texts[locale]?.trim();
		if (text) body[locale] = text;
	}
	return body;
}
