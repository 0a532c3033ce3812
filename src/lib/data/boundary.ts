/** The city boundary polygon (N03) and the point-in-city test built on it. */
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export type BoundaryFeature = Feature<Polygon | MultiPolygon>;

/** The one (multi)polygon of a boundary file; several polygons are combined into a MultiPolygon. */
export function readBoundary(json: unknown): BoundaryFeature {
	const collection = json as FeatureCollection;
	const polygons = (collection?.features ?? []).filter(
		(f) => f?.geometry?.type === 'Polygon' || f?.geometry?.type === 'MultiPolygon'
	) as BoundaryFeature[];
	if (!polygons.length) throw new Error('boundary file has no Polygon or MultiPolygon feature');
	if (polygons.length === 1) return polygons[0];
	const coordinates = polygons.flatMap((f) =>
		f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates
	);
	return {
		type: 'Feature',
		properties: polygons[0].properties,
		geometry: { type: 'MultiPolygon', coordinates }
	};
}

export function insideTest(boundary: BoundaryFeature): (lon: number, lat: number) => boolean {
	return (lon, lat) => booleanPointInPolygon([lon, lat], boundary);
}
