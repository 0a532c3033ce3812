/** 町丁目 search (town-search.ts) on the real town names of Komae's open data (../shared/data). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGeoloniaTowns } from '#lib/data/towns.ts';
import { normalizeTownQuery, searchTowns } from '#lib/resident/town-search.ts';

const file = resolve(
	process.env.BOSAI_OPEN_DATA_DIR ?? resolve(import.meta.dirname, '../../../shared/data'),
	'komae/komae-towns-geolonia.json'
);
const names = parseGeoloniaTowns(JSON.parse(readFileSync(file, 'utf8')), file).towns.map((town) => town.name);

describe('町丁目 search', () => {
	it('reads the real names', () => {
		expect(names).toContain('岩戸南四丁目');
	});

	it('finds a town however its number is typed', () => {
		for (const typed of [
			'岩戸南四丁目',
			'岩戸南4',
			'岩戸南４丁目',
			' 岩戸南 4 ',
			'狛江市岩戸南4丁目',
			'東京都狛江市岩戸南四'
		]) {
			expect(searchTowns(names, typed)[0], typed).toBe('岩戸南四丁目');
		}
	});

	it('lists names that start with the query before names that only contain it, at most the limit', () => {
		const found = searchTowns(names, '和泉');
		expect(found.length).toBeGreaterThan(1);
		const firstContainsOnly = found.findIndex((name) => !name.startsWith('和泉'));
		if (firstContainsOnly >= 0)
			expect(found.slice(firstContainsOnly).every((name) => !name.startsWith('和泉'))).toBe(true);
		expect(found.every((name) => name.includes('和泉'))).toBe(true);
		expect(searchTowns(names, '丁目', 5)).toHaveLength(5);
	});

	it('gives nothing for an empty or unknown query', () => {
		expect(searchTowns(names, '  ')).toEqual([]);
		expect(searchTowns(names, '新宿')).toEqual([]);
	});

	it('writes numbers as the names do', () => {
		expect(normalizeTownQuery('西野川1')).toBe('西野川一');
		expect(normalizeTownQuery('１０')).toBe('十');
		expect(normalizeTownQuery('21')).toBe('二十一');
	});
});
