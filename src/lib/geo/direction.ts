import { bearing as turfBearing } from '@turf/turf';
import { distance as greatCircleKm } from 'geokdbush';

/** A position on the ground in WGS 84 degrees. */
export interface LonLat {
	lon: number;
	lat: number;
}

/** The 8 compass points, clockwise from north; UI words are `resident.dir.<code>`. */
export const compassPoints = ['n', 'ne', 'e', 'se', 's', 'sw', 'w', 'nw'] as const;
export type CompassPoint = (typeof compassPoints)[number];

/**
 * Great-circle distance in metres: the same haversine the k-nearest search ranks by (geokdbush),
 * so a shown distance always agrees with the order of the list.
 */
export function distanceMetres(from: LonLat, to: LonLat): number {
	return greatCircleKm(from.lon, from.lat, to.lon, to.lat) * 1000;
}

/** Initial bearing from `from` to `to`, 0–360° clockwise from true north. */
export function bearingDegrees(from: LonLat, to: LonLat): number {
	const signed = turfBearing([from.lon, from.lat], [to.lon, to.lat]);
	return (signed + 360) % 360;
}

/** The compass point a bearing falls into (each covers 45°, north is 337.5°–22.5°). */
export function compassPoint(bearing: number): CompassPoint {
	const normalized = ((bearing % 360) + 360) % 360;
	return compassPoints[Math.round(normalized / 45) % 8];
}
