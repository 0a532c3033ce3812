/**
 * The plain full scans the indexes replace. Kept as the reference for tests (same answers) and as
 * the baseline of bench/resident-geo.ts; the app itself uses PointIndex and ZoneIndex.
 */
import { booleanPointInPolygon, distance, point } from '@turf/turf';
import type { LonLat } from './direction.ts';
import type { GeoJsonProperties } from 'geojson';
import type { ZoneFeature } from './hazard-index.ts';

export function naiveNearest<T extends LonLat>(
	items: readonly T[],
	from: LonLat,
	limit: number,
	filter: (item: T) => boolean = () => true
): T[] {
	const here = point([from.lon, from.lat]);
	return items
		.filter(filter)
		.map((item) => ({ item, d: distance(here, point([item.lon, item.lat])) }))
		.sort((a, b) => a.d - b.d)
		.slice(0, limit)
		.map((entry) => entry.item);
}

export function naiveContaining<P extends GeoJsonProperties>(
	zones: readonly ZoneFeature<P>[],
	at: LonLat
): ZoneFeature<P>[] {
	const here = point([at.lon, at.lat]);
	return zones.filter((zone) => booleanPointInPolygon(here, zone));
}
