/**
 * Hazard-zone importer on synthetic fixtures in the official schemas (国土数値情報 A31a with the
 * 浸水深ランク A31a_205, and A33 土砂災害警戒区域), clipped to a synthetic square city.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { area, booleanWithin, polygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { readBoundary } from '#lib/data/boundary.ts';
import type { HazardSource } from '#lib/data/city-config.ts';
import { importHazards } from '#lib/data/hazard-zones.ts';

const dir = resolve(import.meta.dirname, '../fixtures/synthetic');
const json = (file: string) => JSON.parse(readFileSync(resolve(dir, file), 'utf8'));
const boundary = readBoundary(json('synthetic-boundary.geojson'));
const source = (schema: HazardSource['schema'], file: string): HazardSource => ({
	id: `synthetic-${schema.toLowerCase()}`,
	type: schema === 'A33' ? 'landslide' : 'flood',
	schema,
	file,
	publisher: '合成データ（テスト用）',
	licence: 'none (synthetic)',
	edition: '2099-01-01',
	url: 'https://example.invalid/synthetic'
});

describe('hazard importer', () => {
	it('clips A31a flood zones to the city and keeps their depth ranks', () => {
		const result = importHazards(
			json('synthetic-A31a.geojson'),
			source('A31a', 'synthetic-A31a.geojson'),
			boundary
		);
		expect(result.rejected).toEqual([
			{ file: 'synthetic-A31a.geojson', line: 4, reason: expect.stringContaining('A31a_205') }
		]);
		expect(result.stats).toEqual({ features_read: 4, outside_city: 1 });
		expect(result.collection.features.map((f) => f.properties)).toEqual([
			{
				hazard: 'flood',
				source: 'synthetic-a31a',
				edition: '2099-01-01',
				rank: 2,
				depth: '0.5〜3.0m',
				river: '合成川'
			},
			{
				hazard: 'flood',
				source: 'synthetic-a31a',
				edition: '2099-01-01',
				rank: 4,
				depth: '5.0〜10.0m',
				river: '合成川'
			}
		]);
		const [halfOut, inside] = result.collection.features;
		// The first zone reached past the east edge (140.02): only its part inside remains.
		for (const feature of result.collection.features) expect(booleanWithin(feature, boundary)).toBe(true);
		const fullZone = polygon([
			[
				[140.01, 36.0],
				[140.03, 36.0],
				[140.03, 36.01],
				[140.01, 36.01],
				[140.01, 36.0]
			]
		]);
		expect(area(halfOut) / area(fullZone)).toBeCloseTo(0.5, 2);
		expect(inside.geometry.coordinates.flat(2).length).toBeGreaterThan(0);
		expect(result.collection.source).toMatchObject({
			id: 'synthetic-a31a',
			edition: '2099-01-01',
			schema: 'A31a'
		});
	});

	it('reads A33 landslide zones with zone type and phenomenon', () => {
		const result = importHazards(
			json('synthetic-A33.geojson'),
			source('A33', 'synthetic-A33.geojson'),
			boundary
		);
		expect(result.rejected).toEqual([
			{ file: 'synthetic-A33.geojson', line: 3, reason: expect.stringContaining('A33_001') }
		]);
		expect(result.collection.features.map((f) => [f.properties?.zone, f.properties?.phenomenon])).toEqual([
			['warning', '急傾斜地の崩壊'],
			['special_warning', '土石流']
		]);
		const clipped = result.collection.features[0];
		expect(booleanWithin(clipped, boundary)).toBe(true);
		expect(area(clipped)).toBeLessThan(
			area(
				polygon([
					[
						[140.018, 36.018],
						[140.025, 36.018],
						[140.025, 36.025],
						[140.018, 36.025],
						[140.018, 36.018]
					]
				])
			)
		);
	});

	it('refuses a file that is not a FeatureCollection', () => {
		expect(() => importHazards({ type: 'Feature' }, source('A31a', 'x.geojson'), boundary)).toThrow(
			/FeatureCollection/
		);
	});
});
