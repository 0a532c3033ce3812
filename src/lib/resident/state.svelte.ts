import type { Hazard } from '#lib/domain/vocabulary.ts';
import type { LonLat } from '#lib/geo/direction.ts';

export type PositionSource = 'gps' | 'map' | 'town' | 'kiosk';

export interface ResidentPosition extends LonLat {
	source: PositionSource;
	/** The 町丁目 name (source 'town') or the kiosk's place name. */
	label: string | null;
}

/**
 * What the resident chose on this page visit. Kept in memory across client-side navigation (home →
 * shelter page → back) and deliberately not stored: a precise position is personal data. Only the
 * hazard and the coarse 町丁目 go to IndexedDB (ResidentCache prefs).
 */
export const choice = $state<{ hazard: Hazard | null; position: ResidentPosition | null }>({
	hazard: null,
	position: null
});
