/**
 * Keeps the map's overlay sources and layers equal to what the component was given as data:
 * adds what is new, updates GeoJSON data in place, removes what is gone. Pure planning here,
 * applied by MapView (also after a style switch, which drops every overlay).
 */
import type { GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';

export type OverlaySource = GeoJSONSourceSpecification;
export type OverlayLayer = LayerSpecification & { source?: string };

export interface OverlayPlan {
	removeLayers: string[];
	removeSources: string[];
	addSources: [string, OverlaySource][];
	updateData: [string, OverlaySource['data']][];
	addLayers: OverlayLayer[];
}

export function planOverlays(
	current: { sources: Record<string, OverlaySource>; layers: OverlayLayer[] },
	next: { sources: Record<string, OverlaySource>; layers: OverlayLayer[] }
): OverlayPlan {
	const nextLayerJson = new Map(next.layers.map((layer) => [layer.id, JSON.stringify(layer)]));
	const keptLayers = new Set(
		current.layers
			.filter((layer) => nextLayerJson.get(layer.id) === JSON.stringify(layer))
			.map((layer) => layer.id)
	);
	const sameSourceShape = (a: OverlaySource, b: OverlaySource) =>
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
				current.sources[id] && !removeSources.includes(id) && current.sources[id].data !== source.data
		)
		.map(([id, source]) => [id, source.data] as [string, OverlaySource['data']]);
	const addLayers = next.layers.filter(
		(layer) => !keptLayers.has(layer.id) || removeLayers.includes(layer.id)
	);
	return { removeLayers, removeSources, addSources, updateData, addLayers };
}
