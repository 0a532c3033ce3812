/**
 * CAP 1.2 messages: validated against the OASIS schema in ../shared/schemas with xmllint (never
 * copied into the repo) and against the rules the schema cannot check.
 */
import { describe, expect, it } from 'vitest';
import { xmllintErrors } from '../support/xmllint.ts';
import { buildCapMessage, capIdentifier, capPolygon, levelMapping, type CapContext } from '#lib/cap/cap.ts';
import { capRuleViolations, elementTexts, polygonProblems } from '#lib/cap/rules.ts';
import { capTime } from '#lib/cap/time.ts';
import type { Alert } from '#lib/domain/alert.ts';

// A synthetic square, not a real boundary: the unit test must not depend on built open data.
const syntheticRing: [number, number][] = [
	[139.57, 35.62],
	[139.6, 35.62],
	[139.6, 35.65],
	[139.57, 35.65],
	[139.57, 35.62]
];
const context: CapContext = {
	sender: 'hq@bosai.example.jp',
	cityCode: '132195',
	origin: 'https://bosai.example.jp',
	boundary: syntheticRing
};

function alert(overrides: Partial<Alert> = {}): Alert {
	return {
		id: '6b1c3a52-8f0e-4c8e-9d55-0c7c2f1d2a10',
		level: 4,
		hazard: 'flood',
		areas: ['岩戸北一丁目', '猪方三丁目'],
		text: { ja: '多摩川の水位が上昇しています。<直ちに> 避難 & 安全確保を。', en: 'Evacuate now.' },
		issued_by: null,
		issued_at: '2026-11-25T03:04:05.678Z',
		cancelled_at: null,
		drill: false,
		...overrides
	};
}

describe('CAP 1.2 message', () => {
	it('an alert for two 町丁目 is schema-valid and keeps the extra rules', () => {
		const xml = buildCapMessage(alert(), context, 'alert');
		expect(xmllintErrors(xml, 'cap')).toBe('');
		expect(capRuleViolations(xml)).toEqual([]);
		expect(elementTexts(xml, 'status')).toEqual(['Actual']);
		expect(elementTexts(xml, 'msgType')).toEqual(['Alert']);
		expect(elementTexts(xml, 'scope')).toEqual(['Public']);
		expect(elementTexts(xml, 'sent')).toEqual(['2026-11-25T12:04:05+09:00']);
		expect(elementTexts(xml, 'language')).toEqual(['ja', 'en']);
		expect(elementTexts(xml, 'urgency')).toEqual(['Immediate', 'Immediate']);
		expect(elementTexts(xml, 'severity')).toEqual(['Severe', 'Severe']);
		expect(elementTexts(xml, 'description')[0]).toBe(alert().text.ja);
		expect(xml).toContain('&lt;直ちに&gt; 避難 &amp; 安全確保');
		// 町丁目 areas carry geocodes, no invented polygon
		expect(elementTexts(xml, 'polygon')).toEqual([]);
		expect(elementTexts(xml, 'value')).toEqual(
			expect.arrayContaining(['132195', '岩戸北一丁目', '猪方三丁目'])
		);
		expect(elementTexts(xml, 'areaDesc')[0]).toBe('岩戸北一丁目、猪方三丁目');
	});

	it('a whole-city drill alert is an Exercise with a closed polygon of the boundary', () => {
		const xml = buildCapMessage(
			alert({ areas: ['all'], drill: true, level: 5, expires_at: '2026-11-25T09:00:00+09:00' }),
			context,
			'alert'
		);
		expect(xmllintErrors(xml, 'cap')).toBe('');
		expect(capRuleViolations(xml)).toEqual([]);
		expect(elementTexts(xml, 'status')).toEqual(['Exercise']);
		expect(elementTexts(xml, 'expires')[0]).toBe('2026-11-25T09:00:00+09:00');
		const polygon = elementTexts(xml, 'polygon')[0]!;
		expect(polygon.split(' ')[0]).toBe('35.62,139.57');
		expect(polygonProblems(polygon)).toEqual([]);
		expect(elementTexts(xml, 'headline')[0]).toContain('【訓練】');
		expect(elementTexts(xml, 'severity')[0]).toBe(levelMapping[5].severity);
	});

	it('a cancel references the original sender,identifier,sent', () => {
		const original = alert({
			text: { ja: 'テスト', 'ja-x-easy': 'てすと', 'zh-Hans': '测试', ko: '테스트' }
		});
		const cancelled = { ...original, cancelled_at: '2026-11-25T04:00:00Z' };
		const first = buildCapMessage(original, context, 'alert');
		const cancel = buildCapMessage(cancelled, context, 'cancel');
		expect(xmllintErrors(cancel, 'cap')).toBe('');
		expect(capRuleViolations(cancel)).toEqual([]);
		expect(elementTexts(cancel, 'msgType')).toEqual(['Cancel']);
		const reference = [
			elementTexts(first, 'sender')[0],
			elementTexts(first, 'identifier')[0],
			elementTexts(first, 'sent')[0]
		].join(',');
		expect(elementTexts(cancel, 'references')).toEqual([reference]);
		expect(elementTexts(cancel, 'identifier')[0]).not.toBe(elementTexts(first, 'identifier')[0]);
		expect(elementTexts(cancel, 'sent')).toEqual(['2026-11-25T13:00:00+09:00']);
		expect(elementTexts(cancel, 'language')).toEqual(['ja', 'ja-x-easy', 'zh-Hans', 'ko']);
		expect(() => buildCapMessage(original, context, 'cancel')).toThrow();
	});

	it('the rule checker catches what the schema lets through', () => {
		const good = buildCapMessage(alert({ areas: ['all'] }), context, 'alert');
		const noOffset = good.replace(/<sent>[^<]+<\/sent>/, '<sent>2026-11-25T12:04:05-00:00</sent>');
		expect(capRuleViolations(noOffset)).toEqual([]);
		const zulu = good.replace(/<sent>[^<]+<\/sent>/, '<sent>2026-11-25T12:04:05Z</sent>');
		expect(capRuleViolations(zulu)).toEqual([expect.stringContaining('offset')]);
		const open = good.replace(/<polygon>([^<]+) [^ <]+<\/polygon>/, '<polygon>$1</polygon>');
		expect(capRuleViolations(open)).toContain('polygon is not closed');
		const cancelWithout = good.replace('<msgType>Alert', '<msgType>Cancel');
		expect(capRuleViolations(cancelWithout)).toContain('Cancel without references');
		const twoJa = good.replace('<language>en</language>', '<language>ja</language>');
		expect(capRuleViolations(twoJa)).toContain('two infos share a language');
	});

	it('times: explicit offset, no fractions, UTC written -00:00', () => {
		expect(capTime('2026-01-01T00:00:00.999Z')).toBe('2026-01-01T09:00:00+09:00');
		expect(capTime('2026-01-01T00:00:00Z', 0)).toBe('2026-01-01T00:00:00-00:00');
		expect(capTime('2026-01-01T00:00:00Z', -300)).toBe('2025-12-31T19:00:00-05:00');
		expect(() => capTime('yesterday')).toThrow();
	});

	it('polygons close themselves and refuse fewer than 4 pairs', () => {
		expect(
			capPolygon([
				[1, 2],
				[3, 4],
				[5, 6]
			])
		).toBe('2,1 4,3 6,5 2,1');
		expect(() =>
			capPolygon([
				[1, 2],
				[3, 4]
			])
		).toThrow();
		expect(capIdentifier(context, 'x', 'cancel')).toBe('bosai-map.132195.alert.x.cancel');
	});
});
