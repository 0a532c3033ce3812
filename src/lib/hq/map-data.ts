/** The HQ map's GeoJSON: one point per shelter with its state, stale flag and a short label. */
import { isStale } from './stale.ts';
import type { HqShelter } from './types.ts';

export type MapState = 'none' | 'not_opened' | 'preparing' | 'open' | 'full' | 'closed';

export function mapState(shelter: HqShelter): MapState {
	const status = shelter.status;
	if (!status) return 'none';
	if (status.status === 'open' && status.crowding === 'full') return 'full';
	return status.status;
}

export function hqMapGeoJson(shelters: readonly HqShelter[], now: number, staleMinutes: number) {
	return {
		type: 'FeatureCollection' as const,
		features: shelters.map((shelter) => {
			const stale = isStale(shelter, now, staleMinutes);
			const evacuees = shelter.status?.evacuees;
			return {
				type: 'Feature' as const,
				geometry: { type: 'Point' as const, coordinates: [shelter.lon, shelter.lat] },
				properties: {
					id: shelter.id,
					state: mapState(shelter),
					stale,
					// Digits and "!" only: the map's own Latin glyphs cover them everywhere.
					label: `${stale ? '! ' : ''}${evacuees ?? ''}`.trim()
				}
			};
		})
	};
}
