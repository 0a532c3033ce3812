/**
 * GSI shelter importer on the real Komae files (../shared/data/komae) and on a synthetic
 * municipality (tests/fixtures/synthetic, code 99999) for bad rows and welfare shelters.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { insideTest, readBoundary } from '#lib/data/boundary.ts';
import { parseGsiShelters } from '#lib/data/gsi.ts';
import { mergeShelters } from '#lib/data/shelter-merge.ts';
import { parseGeoloniaTowns } from '#lib/data/towns.ts';
import { shelterRecordSchema } from '#lib/domain/shelter.ts';

const komae = resolve(
	process.env.BOSAI_OPEN_DATA_DIR ?? resolve(import.meta.dirname, '../../../shared/data'),
	'komae'
);
const synthetic = resolve(import.meta.dirname, '../fixtures/synthetic');
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

function importFrom(dir: string, emergency: string, designated: string, boundary: string) {
	const e = parseGsiShelters(json(join(dir, emergency)), 'emergency', emergency);
	const d = parseGsiShelters(json(join(dir, designated)), 'designated', designated);
	const inside = insideTest(readBoundary(json(join(dir, boundary))));
	return {
		...mergeShelters([...e.entries, ...d.entries], inside),
		rejected: [...e.rejected, ...d.rejected],
		inside,
		e,
		d
	};
}

describe('GSI importer on the real Komae data', () => {
	const result = importFrom(
		komae,
		'shelters-emergency-gsi.json',
		'shelters-designated-gsi.json',
		'komae-boundary-n03.geojson'
	);
	const byName = (name: string) => result.shelters.filter((s) => s.name === name);

	it('reads all 26 + 53 rows and merges them into 47 places, 16 duplicates removed', () => {
		expect(result.rejected).toEqual([]);
		expect(result.e.entries).toHaveLength(26);
		expect(result.d.entries).toHaveLength(53);
		expect(result.log.duplicates_removed).toHaveLength(16);
		expect(result.shelters).toHaveLength(47);
		expect(result.shelters.filter((s) => s.kind === 'both')).toHaveLength(16);
		expect(result.shelters.filter((s) => s.kind === 'emergency_site')).toHaveLength(10);
		expect(result.shelters.filter((s) => s.kind === 'shelter')).toHaveLength(21);
		for (const shelter of result.shelters) expect(shelterRecordSchema.safeParse(shelter).success).toBe(true);
		expect(new Set(result.shelters.map((s) => s.id)).size).toBe(47);
	});

	it('keeps the hazard flags of named shelters', () => {
		const [third] = byName('狛江第三中学校');
		expect(third).toMatchObject({ kind: 'both', id: 'E1321900008111', inside_city: true, capacity: null });
		expect(third.hazards).toEqual(['flood', 'landslide', 'earthquake', 'inland_flood']);
		const [riverside] = byName('多摩川左岸一帯');
		expect(riverside).toMatchObject({ kind: 'emergency_site' });
		expect(riverside.hazards).toEqual(['landslide', 'earthquake']);
		const [nitori] = byName('ニトリ狛江ショッピングセンター（駐車場）');
		expect(nitori.hazards).toEqual(['flood', 'landslide', 'inland_flood']);
		// 指定避難所 rows carry no hazard flags of their own.
		expect(byName('岩戸地域センター')[0]).toMatchObject({ kind: 'shelter', hazards: [] });
	});

	it('marks both Chofu rows as outside the city and keeps the place (as one shelter)', () => {
		const chofuRows = result.d.entries.filter((e) => e.address.startsWith('東京都調布市'));
		expect(chofuRows).toHaveLength(2);
		for (const row of chofuRows) expect(result.inside(row.lon, row.lat)).toBe(false);
		const outside = result.shelters.filter((s) => !s.inside_city);
		expect(outside.map((s) => s.name)).toEqual(['シンフォニー（４階フロア）']);
		expect(result.log.outside_city).toEqual([
			{
				id: 'E1321900041111',
				name: 'シンフォニー（４階フロア）',
				address: '東京都調布市小島町2-55-4',
				source_rows: 2
			}
		]);
		expect(result.log.duplicates_removed).toContainEqual(
			expect.objectContaining({ kept: 'E1321900041111', removed: 'E1321900041121', list: 'designated' })
		);
	});

	it('lists look-alikes with different facility numbers for a human instead of dropping them', () => {
		expect(result.log.possible_duplicates).toEqual([
			{ name: 'カレーショップ・メイ', ids: ['E1321900032121', 'E1321900042111'] }
		]);
	});

	it('reads the 41 町丁目 with their points', () => {
		const towns = parseGeoloniaTowns(json(join(komae, 'komae-towns-geolonia.json')), 'towns');
		expect(towns.rejected).toEqual([]);
		expect(towns.towns).toHaveLength(41);
		expect(towns.towns).toContainEqual({
			name: '元和泉一丁目',
			lon: expect.any(Number),
			lat: expect.any(Number)
		});
	});
});

describe('GSI importer on a synthetic municipality', () => {
	const result = importFrom(
		synthetic,
		'synthetic-gsi-emergency.json',
		'synthetic-gsi-designated.json',
		'synthetic-boundary.geojson'
	);

	it('reports bad rows with their feature number and skips them, changing nothing else', () => {
		expect(result.rejected).toEqual([
			{ file: 'synthetic-gsi-emergency.json', line: 3, reason: expect.stringContaining('地震') },
			{ file: 'synthetic-gsi-designated.json', line: 4, reason: expect.stringContaining('geometry') }
		]);
		expect(result.shelters.map((s) => s.name)).not.toContain('合成グランド');
		expect(result.shelters.map((s) => s.name)).not.toContain('座標なし会館');
	});

	it('merges by 共通ID facility, name and address; counts the duplicate; works for any municipality code', () => {
		expect(result.shelters.map((s) => [s.id, s.kind])).toEqual([
			['E9999900001111', 'both'],
			['E9999900002201', 'emergency_site'],
			['E9999900004111', 'shelter'],
			['E9999900005111', 'shelter']
		]);
		expect(result.log.duplicates_removed).toEqual([
			expect.objectContaining({ kept: 'E9999900002201', removed: 'E9999900002202', line: 4, differences: [] })
		]);
		const school = result.shelters[0];
		expect(school.hazards).toEqual(['flood', 'landslide', 'earthquake', 'inland_flood']);
	});

	it('turns 受入対象者 into a 福祉避難所 and marks the neighbouring town as outside', () => {
		const welfare = result.shelters.find((s) => s.id === 'E9999900004111');
		expect(welfare).toMatchObject({ welfare: true, accepted_people: '要配慮者', inside_city: true });
		expect(result.shelters.filter((s) => s.welfare)).toHaveLength(1);
		expect(result.shelters.find((s) => s.id === 'E9999900005111')?.inside_city).toBe(false);
	});
});
