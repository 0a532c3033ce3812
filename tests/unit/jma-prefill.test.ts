/**
 * Drafts of the city's alert from JMA's information: the suggested level follows the
 * 警戒レベル相当 (3 → 高齢者等避難, 4 → 避難指示), the hazard the JMA kind, and the text names
 * JMA's title in every language. Rows come from the real parser on telegrams derived from the
 * samples (加工).
 */
import { describe, expect, it } from 'vitest';
import { parseTelegram } from '#lib/jma/telegram.ts';
import { alertDraft, hazardOf, suggestedLevel } from '#lib/jma/prefill.ts';
import { inEffectAtLevel, type JmaRow, type JmaSnapshot } from '#lib/jma/snapshot.ts';
import { shortened } from '#lib/jma/display.ts';
import { derivedLandslideKomae, derivedR06Komae, derivedTamagawaFlood, readSample } from '../support/jma.ts';

function rowOf(xml: string, id = 1): JmaRow {
	const t = parseTelegram(xml);
	return {
		id,
		stream: t.stream ?? '',
		family: t.family!,
		control_title: t.controlTitle,
		head_title: t.headTitle,
		report_at: t.reportDateTime,
		valid_until: t.validUntil,
		info_type: t.infoType,
		level: t.level,
		headline: t.headline,
		items: t.items.filter((i) => i.active)
	};
}
const time = (iso: string) => iso;

describe('alert drafts from JMA information', () => {
	it('suggests 高齢者等避難 for レベル３相当 and names JMA title in all five languages', () => {
		const draft = alertDraft(rowOf(derivedR06Komae()), ['all'], time);
		expect(draft).toMatchObject({ level: 3, hazard: 'inland_flood', title: '島根県大雨警報・注意報' });
		expect(draft.texts.ja).toContain('高齢者等避難');
		expect(draft.texts.ja).toContain('気象庁発表：島根県大雨警報・注意報');
		expect(draft.texts.en).toContain('Elderly');
		for (const text of Object.values(draft.texts)) expect(text).toContain('島根県大雨警報・注意報');
	});

	it('suggests 避難指示 for a 土砂災害警戒情報 (レベル４相当)', () => {
		const draft = alertDraft(rowOf(derivedLandslideKomae()), ['all'], time);
		expect(draft).toMatchObject({ level: 4, hazard: 'landslide' });
		expect(draft.texts.ja).toContain('避難指示');
	});

	it('suggests no level below レベル３相当 (a レベル２氾濫注意報) but keeps the flood hazard', () => {
		const row = rowOf(derivedTamagawaFlood());
		expect(suggestedLevel(row.level)).toBeNull();
		expect(hazardOf(row)).toBe('flood');
		expect(alertDraft(row, ['all'], time).texts.ja).toBe(
			'（気象庁発表：多摩川レベル２氾濫注意報 2025-08-07T06:40:00+09:00）'
		);
	});

	it('lists for the notifications hook only what is in effect at レベル３相当 and above', () => {
		const snapshot: JmaSnapshot = {
			configured: true,
			source: '出典：気象庁ホームページ',
			in_effect: [
				rowOf(derivedR06Komae(), 1),
				rowOf(derivedTamagawaFlood(), 2),
				rowOf(readSample('official-samples/19_01_01_091210_VPHW50.xml'), 3)
			],
			timeline: []
		};
		expect(inEffectAtLevel(snapshot).map((r) => r.id)).toEqual([1]);
		expect(inEffectAtLevel(snapshot, 2).map((r) => r.id)).toEqual([1, 2]);
	});

	it('says when JMA text was shortened and leaves short text unaltered', () => {
		expect(shortened('東京都気象警報・注意報', 50)).toEqual({
			text: '東京都気象警報・注意報',
			shortened: false
		});
		expect(shortened('あいうえお', 3)).toEqual({ text: 'あいう…', shortened: true });
	});
});
