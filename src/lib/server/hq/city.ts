/**
 * The city's boundary ring for whole-city CAP polygons, from the importer's output
 * data/out/<city>/boundary.geojson (null when not built: CAP then carries only geocodes).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../db/setup.ts';

let cached: { ring: [number, number][] | null } | undefined;

type Ring = [number, number][];

function outerRings(geometry: { type: string; coordinates: unknown }): Ring[] {
	if (geometry.type === 'Polygon') return [(geometry.coordinates as Ring[])[0]!];
	if (geometry.type === 'MultiPolygon') return (geometry.coordinates as Ring[][]).map((p) => p[0]!);
	return [];
}

export function cityBoundaryRing(): [number, number][] | null {
	if (cached) return cached.ring;
	const city = process.env.BOSAI_CITY ?? 'komae';
	const file = join(projectRoot(), 'data', 'out', city, 'boundary.geojson');
	let ring: Ring | null = null;
	if (/^[a-z0-9_-]+$/.test(city) && existsSync(file)) {
		const data = JSON.parse(readFileSync(file, 'utf8')) as {
			features?: { geometry: { type: string; coordinates: unknown } }[];
			geometry?: { type: string; coordinates: unknown };
		};
		const geometries = data.features?.map((f) => f.geometry) ?? (data.geometry ? [data.geometry] : []);
		// The largest outer ring is the city itself (enclaves and slivers are left out of CAP).
		for (const candidate of geometries.flatMap(outerRings)) {
			if (!ring || candidate.length > ring.length) ring = candidate;
		}
	}
	cached = { ring: ring && ring.length >= 4 ? ring : null };
	return cached.ring;
}

/** 全国地方公共団体コード of the city (Komae by default; BOSAI_CITY_CODE for another city). */
export function cityCode(): string {
	return process.env.BOSAI_CITY_CODE ?? '132195';
}
