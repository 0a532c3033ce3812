/**
 * The geo indexes against REAL coordinates: GSI 指定緊急避難場所 of 狛江市 and Geolonia 町丁目
 * representative points (read from ../shared/data, never committed). The naive turf scan is the
 * reference answer.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { gsiHazardColumns, hazards, type Hazard } from '#lib/domain/vocabulary.ts';
import { PointIndex } from '#lib/geo/shelter-index.ts';
import { ZoneIndex } from '#lib/geo/hazard-index.ts';
import { naiveContaining, naiveNearest } from '#lib/geo/naive.ts';
import { bearingDegrees, compassPoint, distanceMetres } from '#lib/geo/direction.ts';
import { syntheticSquare } from './resident-fixtures.ts';

const dataDir = resolve(process.env.BOSAI_OPEN_DATA_DIR ?? '../shared/data', 'komae');
const read = (file: string) => JSON.parse(readFileSync(resolve(dataDir, file), 'utf8'));

interface Site {
	id: string;
	name: string;
	lon: number;
	lat: number;
	hazards: Hazard[];
}
const sites: Site[] = read('shelters-emergency-gsi.json').features.map(
	(f: { geometry: { coordinates: [number, number] }; properties: Record<string, string> }) => ({
		id: f.properties['共通ID'],
		name: f.properties['施設・場所名'],
		lon: f.geometry.coordinates[0],
		lat: f.geometry.coordinates[1],
		hazards: hazards.filter((h) => f.properties[gsiHazardColumns[h]] === '1')
	})
);
const towns: { town: string; lat: number; lng: number }[] = read('komae-towns-geolonia.json');
const town = (name: string) => {
	const found = towns.find((t) => t.town === name);
	if (!found) throw new Error(`no town ${name}`);
	return { lon: found.lng, lat: found.lat };
};
const index = new PointIndex(sites);

describe('PointIndex on the GSI 指定緊急避難場所 of 狛江市', () => {
	it('finds the nearest site designated for the hazard, skipping nearer ones that are not', () => {
		const from = town('岩戸南四丁目');
		// 狛江みずほ幼稚園 is 63 m away but designated for landslide/earthquake only, not flood.
		const anyHazard = index.nearest(from, { limit: 1 });
		expect(anyHazard[0].item.name).toBe('狛江みずほ幼稚園');
		expect(anyHazard[0].distance).toBeGreaterThan(50);
		expect(anyHazard[0].distance).toBeLessThan(80);
		const flood = index.nearest(from, { limit: 3, filter: (s) => s.hazards.includes('flood') });
		expect(flood.map((r) => r.item.id)).toEqual(['E1321900006201', 'E1321900025201', 'E1321900026201']);
		expect(flood[0].item.name).toBe('狛江第六小学校');
		expect(flood[0].direction).toBe('w');
		expect(flood.every((r) => r.item.hazards.includes('flood'))).toBe(true);
	});

	it('returns nothing when no site is designated for the hazard (no 大規模な火事 site in 狛江市)', () => {
		expect(sites.some((s) => s.hazards.includes('large_fire'))).toBe(false);
		expect(
			index.nearest(town('和泉本町一丁目'), { filter: (s) => s.hazards.includes('large_fire') })
		).toEqual([]);
	});

	it('agrees with the naive turf scan from every 町丁目 and every hazard', () => {
		for (const t of towns) {
			for (const hazard of hazards) {
				const filter = (s: Site) => s.hazards.includes(hazard);
				const from = { lon: t.lng, lat: t.lat };
				expect(index.nearest(from, { limit: 5, filter }).map((r) => r.item.id)).toEqual(
					naiveNearest(sites, from, 5, filter).map((s) => s.id)
				);
			}
		}
	});

	it('respects a search radius and sorts by distance', () => {
		const from = town('元和泉二丁目');
		const within = index.nearest(from, { maxDistance: 300 });
		expect(within.length).toBeGreaterThan(0);
		expect(within.every((r) => r.distance <= 300)).toBe(true);
		const distances = within.map((r) => r.distance);
		expect(distances).toEqual([...distances].sort((a, b) => a - b));
	});

	it('an empty index answers empty', () => {
		expect(new PointIndex<Site>([]).nearest({ lon: 139.58, lat: 35.63 })).toEqual([]);
	});
});

describe('direction', () => {
	it('distance and bearing between two real sites match known geometry', () => {
		const a = sites.find((s) => s.id === 'E1321900004201')!; // 狛江みずほ幼稚園
		const b = sites.find((s) => s.id === 'E1321900003201')!; // ニトリ狛江ショッピングセンター
		const d = distanceMetres(a, b);
		// Δlat 0.005899° ≈ 656 m, Δlon −0.002499° ≈ −226 m at 35.63° N → ≈ 694 m, roughly NNW.
		expect(d).toBeGreaterThan(680);
		expect(d).toBeLessThan(710);
		const bearing = bearingDegrees(a, b);
		expect(bearing).toBeGreaterThan(335);
		expect(bearing).toBeLessThan(345);
		expect(compassPoint(bearing)).toBe('n');
	});

	it('compass points cover the circle in 45° sectors', () => {
		expect([0, 22, 23, 90, 180, 270, 337, 338, 359, -90, 720].map(compassPoint)).toEqual([
			'n',
			'n',
			'ne',
			'e',
			's',
			'w',
			'nw',
			'n',
			'n',
			'w',
			'n'
		]);
	});
});

describe('ZoneIndex', () => {
	// Synthetic squares around real 町丁目 points: the open data has no hazard polygons yet.
	const square = (lon: number, lat: number, half: number, id: string) =>
		syntheticSquare(lon, lat, half, { id });
	const zones = towns.map((t, i) => square(t.lng, t.lat, 0.001 + (i % 3) * 0.001, `synthetic-${i}`));
	const zoneIndex = new ZoneIndex(zones);

	it('finds the zone around a point and none far away', () => {
		const from = town('岩戸南四丁目');
		expect(zoneIndex.containing(from).length).toBeGreaterThan(0);
		expect(zoneIndex.contains({ lon: 139.7, lat: 35.7 })).toBe(false);
		expect(new ZoneIndex([]).contains(from)).toBe(false);
	});

	it('agrees with the naive scan on random points over the city (property test)', () => {
		fc.assert(
			fc.property(
				fc.double({ min: 139.56, max: 139.6, noNaN: true }),
				fc.double({ min: 35.615, max: 35.645, noNaN: true }),
				(lon, lat) => {
					const got = zoneIndex.containing({ lon, lat }).map((z) => z.properties.id);
					const want = naiveContaining(zones, { lon, lat }).map((z) => z.properties.id);
					expect(got).toEqual(want);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('handles a polygon with a hole (point in the hole is outside)', () => {
		const donut: Feature<Polygon, { id: string }> = {
			type: 'Feature',
			properties: { id: 'donut' },
			geometry: {
				type: 'Polygon',
				coordinates: [
					square(139.58, 35.63, 0.01, 'o').geometry.coordinates[0],
					square(139.58, 35.63, 0.002, 'i').geometry.coordinates[0].slice().reverse()
				]
			}
		};
		const holed = new ZoneIndex([donut]);
		expect(holed.contains({ lon: 139.58, lat: 35.63 })).toBe(false);
		expect(holed.contains({ lon: 139.585, lat: 35.63 })).toBe(true);
	});
});
