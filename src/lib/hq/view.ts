/** The HQ map's current view as a table filter (pure, unit-tested). */
import type { HqShelter } from './types.ts';

/** [west, south, east, north] in degrees, as MapLibre's getBounds().toArray().flat() gives it. */
export type Bounds = [number, number, number, number];

export function inBounds(shelter: Pick<HqShelter, 'lon' | 'lat'>, [west, south, east, north]: Bounds) {
	return shelter.lon >= west && shelter.lon <= east && shelter.lat >= south && shelter.lat <= north;
}

/** The ids of the shelters inside the view, or null (no filter) when off or the view is unknown. */
export function idsInView(
	shelters: readonly HqShelter[],
	bounds: Bounds | null,
	enabled: boolean
): Set<string> | null {
	if (!enabled || !bounds) return null;
	return new Set(shelters.filter((shelter) => inBounds(shelter, bounds)).map((shelter) => shelter.id));
}
