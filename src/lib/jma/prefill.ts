/**
 * 「この情報から避難情報を作成」: a draft of the city's alert from one JMA item, for HQ to edit
 * and confirm. The suggested level follows the 警戒レベル相当 (3 → 高齢者等避難, 4 → 避難指示,
 * 5 → 緊急安全確保); without one, no level is suggested. Nothing here ever issues anything.
 */
import type { AlertLevel, Hazard } from '../domain/vocabulary.ts';
import { templateTexts } from '../hq/alert-text.ts';
import { locales, type Locale } from '../i18n/locales.ts';
import { translate } from '../i18n/translate.ts';
import type { JmaRow } from './snapshot.ts';

export interface AlertDraft {
	/** Changes for every click, so the form applies the same draft twice too. */
	key: number;
	title: string;
	level: AlertLevel | null;
	hazard: Hazard | null;
	texts: Record<Locale, string>;
}

export function suggestedLevel(level: number | null): AlertLevel | null {
	return level === 3 || level === 4 || level === 5 ? level : null;
}

/** The hazard of the city's vocabulary a JMA row is about, when one fits. */
export function hazardOf(row: Pick<JmaRow, 'family' | 'items'>): Hazard | null {
	if (row.family === 'flood') return 'flood';
	if (row.family === 'landslide') return 'landslide';
	if (row.family === 'quake' || row.family === 'eew') return 'earthquake';
	if (row.family === 'heavy_rain') return 'inland_flood';
	if (row.family !== 'warning') return null;
	// The most severe active item decides (R06: 「レベル４土砂災害危険警報」, H27: 「洪水警報」…).
	const names = [...row.items].sort((a, b) => (b.level ?? 0) - (a.level ?? 0)).map((i) => i.name);
	for (const name of names) {
		if (name.includes('土砂')) return 'landslide';
		if (name.includes('洪水') || name.includes('氾濫')) return 'flood';
		if (name.includes('高潮')) return 'storm_surge';
		if (name.includes('大雨')) return 'inland_flood';
	}
	return null;
}

let drafts = 0;

export function alertDraft(
	row: JmaRow,
	areas: readonly string[],
	formatTime: (iso: string, locale: Locale) => string
): AlertDraft {
	const level = suggestedLevel(row.level);
	const hazard = hazardOf(row);
	const base = level && hazard ? templateTexts(level, hazard, areas) : null;
	const texts = Object.fromEntries(
		locales.map((locale) => {
			const source = translate(locale, 'jma.prefill.source', {
				title: row.head_title,
				time: formatTime(row.report_at, locale)
			});
			return [locale, base ? `${base[locale]}\n${source}` : source];
		})
	) as Record<Locale, string>;
	return { key: ++drafts, title: row.head_title, level, hazard, texts };
}
