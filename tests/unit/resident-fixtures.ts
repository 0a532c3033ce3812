import type { Feature, Polygon } from 'geojson';

/** A SYNTHETIC square zone (the open data has no hazard polygons yet), `half` degrees each way. */
export function syntheticSquare<P extends Record<string, unknown>>(
	lon: number,
	lat: number,
	half: number,
	properties: P
): Feature<Polygon, P> {
	return {
		type: 'Feature',
		properties,
		geometry: {
			type: 'Polygon',
			coordinates: [
				[
					[lon - half, lat - half],
					[lon + half, lat - half],
					[lon + half, lat + half],
					[lon - half, lat + half],
					[lon - half, lat - half]
				]
			]
		}
	};
}
