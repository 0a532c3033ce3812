/**
 * Keeps the map's overlay sources and layers equal to what the component was given as data:
 * adds what is new, updates GeoJSON data in place, removes what is gone. Pure planning here,
 * applied by MapView (also after a style switch, which drops every overlay).
 */
import type { GeoJSONSourceSpecification, LayerSpecification, RasterSourceSpecification } from 'maplibre-gl';

/** A GeoJSON overlay source (the common case). */
export type OverlaySource = GeoJSONSourceSpecification;
/** Any overlay source MapView accepts: GeoJSON, or raster tiles of the optional online layers. */
export type AnyOverlaySource = OverlaySource | RasterSourceSpecification;
/** A layer spec; `beforeId` places it under that basemap layer (e.g. a raster under the labels). */
export type OverlayLayer = LayerSpecification & { source?: string; beforeId?: string };

export interface OverlayPlan {
	removeLayers: string[];
	removeSources: string[];
	addSources: [string, AnyOverlaySource][];
	updateData: [string, GeoJSONSourceSpecification['data']][];
	addLayers: OverlayLayer[];
}

export function planOverlays(
	current: { sources: Record<string, AnyOverlaySource>; layers: OverlayLayer[] },
	next: { sources: Record<string, AnyOverlaySource>; layers: OverlayLayer[] }
): OverlayPlan {
	const nextLayerJson = new Map(next.layers.map((layer) => [layer.id, JSON.stringify(layer)]));
	const keptLayers = new Set(
		current.layers
			.filter((layer) => nextLayerJson.get(layer.id) === JSON.stringify(layer))
			.map((layer) => layer.id)
	);
	const dataOf = (source: AnyOverlaySource) => (source.type === 'geojson' ? source.data : undefined);
	const sameSourceShape = (a: AnyOverlaySource, b: AnyOverlaySource) =>
		JSON.stringify({ ...a, data: null }) === JSON.stringify({ ...b, data: null });
	const removeSources = Object.keys(current.sources).filter(
		(id) => !next.sources[id] || !sameSourceShape(current.sources[id], next.sources[id])
	);
	// A layer must go before its source, and comes back when its source is re-created.
	const removeLayers = current.layers
		.filter((layer) => !keptLayers.has(layer.id) || (layer.source && removeSources.includes(layer.source)))
		.map((layer) => layer.id);
	const addSources = Object.entries(next.sources).filter(
		([id]) => !current.sources[id] || removeSources.includes(id)
	);
	const updateData = Object.entries(next.sources)
		.filter(
			([id, source]) =>
				source.type === 'geojson' &&
				current.sources[id] &&
				!removeSources.includes(id) &&
				dataOf(current.sources[id]) !== source.data
		)
		.map(([id, source]) => [id, dataOf(source)] as [string, GeoJSONSourceSpecification['data']]);
	const addLayers = next.layers.filter(
		(layer) => !keptLayers.has(layer.id) || removeLayers.includes(layer.id)
	);
	return { removeLayers, removeSources, addSources, updateData, addLayers };
}
