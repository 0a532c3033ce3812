/**
 * MapView's overlay planning (src/lib/map/overlays.ts): what to add, update and remove when the
 * page's sources/layers change, including a source whose options change (re-created with its
 * layers) and raster sources of the online layers.
 */
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { planOverlays, type AnyOverlaySource, type OverlayLayer } from '#lib/map/overlays.ts';

/** A FeatureCollection of n synthetic points (distinct objects: data changes by identity). */
const points = (n: number): FeatureCollection => ({
	type: 'FeatureCollection',
	features: Array.from({ length: n }, (_, i) => ({
		type: 'Feature',
		properties: {},
		geometry: { type: 'Point', coordinates: [139.57 + i / 1000, 35.63] }
	}))
});
const circle = (id: string, source: string, color = '#000'): OverlayLayer =>
	({ id, type: 'circle', source, paint: { 'circle-color': color } }) as OverlayLayer;
const empty = { sources: {}, layers: [] };

describe('planOverlays', () => {
	it('adds everything on a fresh style', () => {
		const next = {
			sources: { shelters: { type: 'geojson', data: '/x.geojson' } as AnyOverlaySource },
			layers: [circle('a', 'shelters')]
		};
		expect(planOverlays(empty, next)).toEqual({
			removeLayers: [],
			removeSources: [],
			addSources: [['shelters', next.sources.shelters]],
			updateData: [],
			addLayers: next.layers
		});
	});

	it('updates GeoJSON data in place and keeps unchanged layers', () => {
		const before = {
			sources: { s: { type: 'geojson', data: points(1) } as AnyOverlaySource },
			layers: [circle('a', 's')]
		};
		const after = {
			sources: { s: { type: 'geojson', data: points(2) } as AnyOverlaySource },
			layers: [circle('a', 's')]
		};
		const plan = planOverlays(before, after);
		expect(plan.updateData).toEqual([['s', points(2)]]);
		expect(plan).toMatchObject({ removeLayers: [], removeSources: [], addSources: [], addLayers: [] });
	});

	it('re-creates a layer whose spec changed, and removes what is gone', () => {
		const source = { type: 'geojson', data: '/x.geojson' } as AnyOverlaySource;
		const before = { sources: { s: source, old: source }, layers: [circle('a', 's'), circle('b', 'old')] };
		const after = { sources: { s: source }, layers: [circle('a', 's', '#f00')] };
		expect(planOverlays(before, after)).toEqual({
			removeLayers: ['a', 'b'],
			removeSources: ['old'],
			addSources: [],
			updateData: [],
			addLayers: [circle('a', 's', '#f00')]
		});
	});

	it('re-creates a source whose options changed, with its layers', () => {
		const raster = (tiles: string) => ({ type: 'raster', tiles: [tiles], tileSize: 256 }) as AnyOverlaySource;
		const layer = { id: 'r', type: 'raster', source: 'online', beforeId: 'waterways' } as OverlayLayer;
		const plan = planOverlays(
			{ sources: { online: raster('a') }, layers: [layer] },
			{ sources: { online: raster('b') }, layers: [layer] }
		);
		expect(plan).toEqual({
			removeLayers: ['r'],
			removeSources: ['online'],
			addSources: [['online', raster('b')]],
			updateData: [],
			addLayers: [layer]
		});
	});
});
