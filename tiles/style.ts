/**
 * The MapLibre style of our basemap schema (layers of tiles/basemap.ts: boundary,
 * city_label, towns, waterways, roads, railways, stations). Built once per theme at tile build
 * time and written to static/generated/map/, so the app fetches nothing else at run time.
 */
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { basemapSourceId, boldFont, regularFont } from '#lib/map/style.ts';
import { palettes, type MapTheme } from '#lib/map/theme.ts';

export interface StyleInput {
	theme: MapTheme;
	/** URL of the basemap archive, e.g. /generated/map/komae-basemap.<hash>.pmtiles */
	basemap: string;
	glyphs: string;
	sprite: string;
	attribution: string[];
	minzoom: number;
	maxzoom: number;
	bounds: [number, number, number, number];
}

export function buildStyle(input: StyleInput): StyleSpecification {
	const p = palettes[input.theme];
	const layer = (spec: Record<string, unknown>) =>
		({ source: basemapSourceId, ...spec }) as LayerSpecification;
	const label = { 'text-halo-color': p.halo, 'text-halo-width': 1.6, 'text-color': p.text };
	const layers: LayerSpecification[] = [
		{ id: 'background', type: 'background', paint: { 'background-color': p.background } },
		layer({ id: 'city-fill', type: 'fill', 'source-layer': 'boundary', paint: { 'fill-color': p.city } }),
		// From an OpenStreetMap extract (`npm run tiles -- --osm …`), when a deployer adds one.
		layer({
			id: 'buildings',
			type: 'fill',
			'source-layer': 'buildings',
			minzoom: 14,
			paint: { 'fill-color': p.building, 'fill-outline-color': p.buildingOutline }
		}),
		layer({
			id: 'streets',
			type: 'line',
			'source-layer': 'streets',
			minzoom: 13,
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: { 'line-color': p.street, 'line-width': ['interpolate', ['linear'], ['zoom'], 13, 0.5, 16, 4] }
		}),
		layer({
			id: 'waterways',
			type: 'line',
			'source-layer': 'waterways',
			paint: { 'line-color': p.water, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1.5, 16, 6] }
		}),
		layer({
			id: 'roads-casing',
			type: 'line',
			'source-layer': 'roads',
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-color': p.roadCasing,
				'line-width': ['interpolate', ['linear'], ['zoom'], 10, 2.5, 16, 11]
			}
		}),
		layer({
			id: 'roads',
			type: 'line',
			'source-layer': 'roads',
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: { 'line-color': p.road, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1.2, 16, 8] }
		}),
		layer({
			id: 'railways',
			type: 'line',
			'source-layer': 'railways',
			paint: { 'line-color': p.rail, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1.5, 16, 4] }
		}),
		layer({
			id: 'railways-dash',
			type: 'line',
			'source-layer': 'railways',
			paint: {
				'line-color': p.railDash,
				'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.5, 16, 2],
				'line-dasharray': [3, 3]
			}
		}),
		layer({
			id: 'boundary-line',
			type: 'line',
			'source-layer': 'boundary',
			paint: { 'line-color': p.boundary, 'line-width': 2.5, 'line-dasharray': [4, 2] }
		}),
		layer({
			id: 'waterway-labels',
			type: 'symbol',
			'source-layer': 'waterways',
			minzoom: 12,
			layout: {
				'symbol-placement': 'line',
				'text-field': ['get', 'name'],
				'text-font': regularFont,
				'text-size': 13
			},
			paint: { ...label, 'text-color': p.water }
		}),
		layer({
			id: 'road-labels',
			type: 'symbol',
			'source-layer': 'roads',
			minzoom: 13,
			layout: {
				'symbol-placement': 'line',
				'text-field': ['concat', ['get', 'name'], ' (', ['get', 'ref'], ')'],
				'text-font': regularFont,
				'text-size': 12
			},
			paint: label
		}),
		layer({
			id: 'town-labels',
			type: 'symbol',
			'source-layer': 'towns',
			minzoom: 13,
			layout: { 'text-field': ['get', 'name'], 'text-font': regularFont, 'text-size': 12, 'text-padding': 4 },
			paint: { ...label, 'text-color': p.townText }
		}),
		layer({
			id: 'stations',
			type: 'symbol',
			'source-layer': 'stations',
			layout: {
				'icon-image': 'station',
				'icon-size': 0.7,
				'text-field': ['get', 'name'],
				'text-font': boldFont,
				'text-size': 13,
				'text-offset': [0, 1.1],
				'text-anchor': 'top',
				'text-optional': true
			},
			paint: { ...label, 'icon-color': p.rail, 'icon-halo-color': p.halo, 'icon-halo-width': 1.5 }
		}),
		layer({
			id: 'city-label',
			type: 'symbol',
			'source-layer': 'city_label',
			maxzoom: 14,
			layout: {
				'text-field': ['format', ['get', 'name'], {}, '\n', {}, ['get', 'name_en'], { 'font-scale': 0.8 }],
				'text-font': boldFont,
				'text-size': 18
			},
			paint: { ...label, 'text-color': p.boundary }
		})
	];
	return {
		version: 8,
		name: `bosai-map ${input.theme}`,
		glyphs: input.glyphs,
		sprite: input.sprite,
		sources: {
			[basemapSourceId]: {
				type: 'vector',
				url: `pmtiles://${input.basemap}`,
				attribution: input.attribution.join(' / ')
			}
		},
		layers
	};
}
