import Flatbush from 'flatbush';
import { bbox as turfBbox, booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, GeoJsonProperties, MultiPolygon, Polygon } from 'geojson';
import type { LonLat } from './direction.ts';

export type ZoneFeature<P extends GeoJsonProperties = Record<string, unknown>> = Feature<
	Polygon | MultiPolygon,
	P
>;

/**
 * Hazard-zone polygons behind a packed R-tree (flatbush) of their bounding boxes: a point query
 * tests only the few polygons whose box holds the point, then turf's exact point-in-polygon.
 */
export class ZoneIndex<P extends GeoJsonProperties = Record<string, unknown>> {
	readonly zones: readonly ZoneFeature<P>[];
	readonly #tree: Flatbush | null;

	constructor(zones: readonly ZoneFeature<P>[]) {
		this.zones = zones;
		if (zones.length === 0) {
			this.#tree = null;
			return;
		}
		const tree = new Flatbush(zones.length);
		for (const zone of zones) {
			const [minX, minY, maxX, maxY] = turfBbox(zone);
			tree.add(minX, minY, maxX, maxY);
		}
		tree.finish();
		this.#tree = tree;
	}

	/** Every zone containing the point (boundary counts as inside), in input order. */
	containing(at: LonLat): ZoneFeature<P>[] {
		if (!this.#tree) return [];
		const here = point([at.lon, at.lat]);
		return this.#tree
			.search(at.lon, at.lat, at.lon, at.lat)
			.sort((a, b) => a - b)
			.map((id) => this.zones[id])
			.filter((zone) => booleanPointInPolygon(here, zone));
	}

	contains(at: LonLat): boolean {
		return this.containing(at).length > 0;
	}
}
