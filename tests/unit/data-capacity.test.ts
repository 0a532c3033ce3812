/** 想定収容人数 text → structured capacity (src/lib/data/capacity.ts). */
import { describe, expect, test } from 'vitest';
import { parseCapacity } from '#lib/data/capacity.ts';

describe('parseCapacity', () => {
	test('the indoor / outdoor form of the issue (「屋内480人／屋外3,350人」)', () => {
		expect(parseCapacity('屋内480人／屋外3,350人')).toEqual({ indoor: 480, outdoor: 3350, total: 3830 });
	});

	test.each([
		['屋内：480人、屋外：3350人', { indoor: 480, outdoor: 3350, total: 3830 }],
		['屋内 ４８０ 人 / 屋外 ３，３５０ 名', { indoor: 480, outdoor: 3350, total: 3830 }],
		['屋外3,350人', { indoor: null, outdoor: 3350, total: 3350 }],
		['屋内480人', { indoor: 480, outdoor: null, total: 480 }],
		['480', { indoor: null, outdoor: null, total: 480 }],
		['約1,200名', { indoor: null, outdoor: null, total: 1200 }],
		['０', { indoor: null, outdoor: null, total: 0 }]
	])('%s', (text, expected) => {
		expect(parseCapacity(text)).toEqual(expected);
	});

	test('empty means not given', () => {
		expect(parseCapacity('')).toBeUndefined();
		expect(parseCapacity('  　')).toBeUndefined();
	});

	test.each([
		'多数',
		'480人程度（要確認）',
		'屋内480人／屋内500人',
		'屋内480人 体育館',
		'-5',
		'2.5',
		'屋内9999999人'
	])('refuses %s', (text) => {
		expect(parseCapacity(text)).toBeNull();
	});
});
