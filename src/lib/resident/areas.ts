import { PointIndex } from '#lib/geo/shelter-index.ts';
import type { LonLat } from '#lib/geo/direction.ts';
import type { Town } from './towns.ts';

/**
 * The 町丁目 a position belongs to, for "alerts for my area". The open data has one representative
 * point per 町丁目 (no polygons), so the nearest point stands in for containment; a picked town is
 * used as is.
 */
export function townOf(
	position: (LonLat & { source: string; label: string | null }) | null,
	towns: PointIndex<Town>
): string | null {
	if (!position) return null;
	if (position.source === 'town' && position.label) return position.label;
	return towns.nearest(position, { limit: 1 })[0]?.item.name ?? null;
}
