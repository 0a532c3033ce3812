/**
 * Hazard zones delivered as a Shapefile (the usual 国土数値情報 download): a SYNTHETIC A31a
 * Shapefile with Shift_JIS attributes is read through npm `shapefile`, clipped and ranked like
 * the GeoJSON form.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBoundary } from '#lib/data/boundary.ts';
import { importHazards } from '#lib/data/hazard-zones.ts';
import { readHazardFile } from '../../scripts/data/hazard-file.ts';
import { writeSyntheticShapefile } from '../fixtures/synthetic/write-shapefile.ts';

const boundary = readBoundary(
	JSON.parse(
		readFileSync(resolve(import.meta.dirname, '../fixtures/synthetic/synthetic-boundary.geojson'), 'utf8')
	)
);
/** 合成川 in Shift_JIS. */
const riverSjis = Uint8Array.from([0x8d, 0x87, 0x90, 0xac, 0x90, 0xec]);
const square = (x0: number, y0: number, x1: number, y1: number): [number, number][] => [
	[x0, y0],
	[x1, y0],
	[x1, y1],
	[x0, y1],
	[x0, y0]
];

describe('hazard zones from a Shapefile', () => {
	it('reads a Shift_JIS A31a Shapefile into clipped zones with depth ranks', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'bosai-shp-'));
		const base = join(dir, 'synthetic-A31a');
		writeSyntheticShapefile(base, [
			{ ring: square(140.01, 36.0, 140.03, 36.01), numbers: { A31a_205: 2 }, texts: { A31a_202: riverSjis } },
			{
				ring: square(140.002, 36.002, 140.004, 36.004),
				numbers: { A31a_205: 5 },
				texts: { A31a_202: riverSjis }
			},
			{ ring: square(140.05, 36.05, 140.06, 36.06), numbers: { A31a_205: 3 }, texts: { A31a_202: riverSjis } }
		]);
		const source = {
			id: 'synthetic-shp',
			type: 'flood' as const,
			schema: 'A31a' as const,
			file: 'synthetic-A31a.shp',
			publisher: '合成データ（テスト用）',
			licence: 'none (synthetic)',
			edition: '2099-01-01',
			url: 'https://example.invalid/synthetic'
		};
		const result = importHazards(await readHazardFile(`${base}.shp`), source, boundary);
		expect(result.rejected).toEqual([]);
		expect(result.stats).toEqual({ features_read: 3, outside_city: 1 });
		expect(
			result.collection.features.map((f) => [f.properties?.rank, f.properties?.depth, f.properties?.river])
		).toEqual([
			[2, '0.5〜3.0m', '合成川'],
			[5, '10.0〜20.0m', '合成川']
		]);

		// A .cpg that says UTF-8 switches the decoding (newer editions).
		writeFileSync(`${base}.cpg`, 'UTF-8');
		const utf8 = (await readHazardFile(`${base}.shp`)) as {
			features: { properties: { A31a_202: string } }[];
		};
		expect(utf8.features[0].properties.A31a_202).not.toBe('合成川');
	});

	it('says which file is missing when the .dbf is not beside the .shp', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'bosai-shp-'));
		writeFileSync(join(dir, 'lonely.shp'), new Uint8Array(100));
		await expect(readHazardFile(join(dir, 'lonely.shp'))).rejects.toThrow(/lonely\.dbf is missing/);
	});
});
