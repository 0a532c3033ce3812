import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { bearingDegrees, compassPoint, distanceMetres, type CompassPoint, type LonLat } from './direction.ts';

export interface NearbyResult<T> {
	item: T;
	/** Great-circle distance in metres. */
	distance: number;
	/** Initial bearing from the query point, degrees clockwise from north. */
	bearing: number;
	direction: CompassPoint;
}

export interface NearestOptions<T> {
	/** How many to return (default: all that match). */
	limit?: number;
	/** Search radius in metres (default: unlimited). */
	maxDistance?: number;
	filter?: (item: T) => boolean;
}

/**
 * A static k-d tree (kdbush) over point items, queried with geokdbush's great-circle k-nearest
 * search: it visits only the tree nodes that can still hold a nearer point instead of scanning all.
 */
export class PointIndex<T extends LonLat> {
	readonly items: readonly T[];
	readonly #tree: KDBush | null;

	constructor(items: readonly T[]) {
		this.items = items;
		if (items.length === 0) {
			// kdbush refuses an empty index; an empty city simply has no results.
			this.#tree = null;
			return;
		}
		const tree = new KDBush(items.length);
		for (const item of items) tree.add(item.lon, item.lat);
		tree.finish();
		this.#tree = tree;
	}

	/** Items nearest to `from`, nearest first. */
	nearest(from: LonLat, options: NearestOptions<T> = {}): NearbyResult<T>[] {
		if (!this.#tree) return [];
		const { limit, maxDistance, filter } = options;
		const ids = around(
			this.#tree,
			from.lon,
			from.lat,
			limit ?? Infinity,
			maxDistance === undefined ? Infinity : maxDistance / 1000,
			filter ? (id: number) => filter(this.items[id]) : undefined
		);
		return ids.map((id) => describe(from, this.items[id]));
	}
}

export function describe<T extends LonLat>(from: LonLat, item: T): NearbyResult<T> {
	const bearing = bearingDegrees(from, item);
	return { item, distance: distanceMetres(from, item), bearing, direction: compassPoint(bearing) };
}
