/**
 * The layers of our vector basemap, from the real open data we have (boundary, 町丁目 points,
 * railways, stations, rivers, major roads), and their cutting into gzip-compressed MVT tiles
 * (@maplibre/geojson-vt → @maplibre/vt-pbf).
 */
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { centroid } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { tilesInBbox } from '#lib/map/tile-math.ts';
import { gzip, type TileInput } from './pmtiles-writer.ts';

export { latToTileY, lonToTileX } from '#lib/map/tile-math.ts';

export type LayerSet = Record<string, FeatureCollection>;

function collection(features: Feature[]): FeatureCollection {
	return { type: 'FeatureCollection', features };
}

function positions(geometry: Geometry): Position[] {
	switch (geometry.type) {
		case 'Point':
			return [geometry.coordinates];
		case 'LineString':
		case 'MultiPoint':
			return geometry.coordinates;
		case 'MultiLineString':
		case 'Polygon':
			return geometry.coordinates.flat();
		case 'MultiPolygon':
			return geometry.coordinates.flat(2);
		default:
			return [];
	}
}

/** Keeps only the named properties (and drops null values, which MVT cannot hold). */
function pick(feature: Feature, mapping: Record<string, string>): Feature {
	const properties: Record<string, string | number> = {};
	for (const [to, from] of Object.entries(mapping)) {
		const value = feature.properties?.[from];
		if (typeof value === 'string' || typeof value === 'number') properties[to] = value;
	}
	return { type: 'Feature', properties, geometry: feature.geometry };
}

export interface BasemapInputs {
	boundary: FeatureCollection;
	towns: { name: string; lon: number; lat: number }[];
	stations: FeatureCollection[];
	railways: FeatureCollection[];
	waterways: FeatureCollection[];
	roads: FeatureCollection[];
	city: { name: string; name_en: string };
	/** Extra layers from an OpenStreetMap extract (streets, buildings), when given. */
	extra?: LayerSet;
}

/** One label point per station name: the mean of its platform vertices (N02 stations are lines). */
function stationPoints(sources: FeatureCollection[]): Feature[] {
	const byName = new Map<string, { points: Position[]; lines: Set<string>; operators: Set<string> }>();
	for (const feature of sources.flatMap((source) => source.features)) {
		const name = String(feature.properties?.N02_005 ?? '');
		if (!name) continue;
		const entry = byName.get(name) ?? { points: [], lines: new Set(), operators: new Set() };
		entry.points.push(...positions(feature.geometry));
		entry.lines.add(String(feature.properties?.N02_003 ?? ''));
		entry.operators.add(String(feature.properties?.N02_004 ?? ''));
		byName.set(name, entry);
	}
	return [...byName.entries()]
		.sort(([a], [b]) => (a < b ? -1 : 1))
		.map(([name, entry]) => {
			const lon = entry.points.reduce((sum, p) => sum + p[0], 0) / entry.points.length;
			const lat = entry.points.reduce((sum, p) => sum + p[1], 0) / entry.points.length;
			return {
				type: 'Feature',
				properties: {
					name,
					lines: [...entry.lines].sort().join('・'),
					operators: [...entry.operators].sort().join('・')
				},
				geometry: { type: 'Point', coordinates: [Number(lon.toFixed(6)), Number(lat.toFixed(6))] }
			};
		});
}

export function basemapLayers(inputs: BasemapInputs): LayerSet {
	const boundary = inputs.boundary.features[0];
	return {
		boundary: collection([pick(boundary, { name: 'name', code: 'code' })]),
		city_label: collection([
			{ ...centroid(boundary), properties: { name: inputs.city.name, name_en: inputs.city.name_en } }
		]),
		towns: collection(
			inputs.towns.map((town) => ({
				type: 'Feature',
				properties: { name: town.name },
				geometry: { type: 'Point', coordinates: [town.lon, town.lat] }
			}))
		),
		stations: collection(stationPoints(inputs.stations)),
		railways: collection(
			inputs.railways.flatMap((s) => s.features.map((f) => pick(f, { name: 'N02_003', operator: 'N02_004' })))
		),
		waterways: collection(inputs.waterways.flatMap((s) => s.features.map((f) => pick(f, { name: 'name' })))),
		roads: collection(
			inputs.roads.flatMap((s) => s.features.map((f) => pick(f, { name: 'name', ref: 'ref' })))
		),
		...(inputs.extra ?? {})
	};
}

/** Cuts every layer into tiles covering `bounds` at each zoom; empty tiles are left out. */
export function cutTiles(
	layers: LayerSet,
	bounds: [number, number, number, number],
	minZoom: number,
	maxZoom: number
): TileInput[] {
	const indexes = Object.entries(layers).map(
		([name, data]) =>
			[
				name,
				new GeoJSONVT(data, {
					maxZoom,
					indexMaxZoom: maxZoom,
					indexMaxPoints: 0,
					tolerance: 3,
					extent: 4096,
					buffer: 64
				})
			] as const
	);
	const tiles: TileInput[] = [];
	for (const { z, x, y } of tilesInBbox(bounds, minZoom, maxZoom)) {
		const found: Record<string, NonNullable<ReturnType<GeoJSONVT['getTile']>>> = {};
		for (const [name, index] of indexes) {
			const tile = index.getTile(z, x, y);
			if (tile && tile.features.length) found[name] = tile;
		}
		if (!Object.keys(found).length) continue;
		tiles.push({ z, x, y, data: gzip(fromGeojsonVt(found, { version: 2, extent: 4096 })) });
	}
	return tiles;
}
