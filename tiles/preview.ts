/**
 * The light map preview: the basemap's own layers (city, water, roads, railways, boundary) drawn
 * once at build time into a small SVG per theme, in the frame of src/lib/map/preview-frame.ts.
 * On a phone's first visit the resident page shows it instead of starting MapLibre (whose WebGL
 * start costs seconds of main thread on a slow phone); a tap opens the real map.
 */
import type { Geometry, Position } from 'geojson';
import type { MapPalette } from '#lib/map/theme.ts';
import { project, type PreviewFrame } from '#lib/map/preview-frame.ts';
import type { LayerSet } from './basemap.ts';

/** Drops points closer than this (frame units, ~0.7 px on a phone) to the last one kept. */
const minStep = 1;

function pathOfLine(frame: PreviewFrame, line: Position[], close: boolean): string {
	const kept: [number, number][] = [];
	for (const [lon, lat] of line) {
		const point = project(frame, lon, lat);
		const last = kept.at(-1);
		if (last && Math.hypot(point[0] - last[0], point[1] - last[1]) < minStep) continue;
		kept.push(point);
	}
	if (kept.length < 2) return '';
	return `M${kept.map(([x, y]) => `${x} ${y}`).join('L')}${close ? 'Z' : ''}`;
}

function pathOf(frame: PreviewFrame, geometry: Geometry): string {
	switch (geometry.type) {
		case 'LineString':
			return pathOfLine(frame, geometry.coordinates, false);
		case 'MultiLineString':
			return geometry.coordinates.map((line) => pathOfLine(frame, line, false)).join('');
		case 'Polygon':
			return geometry.coordinates.map((ring) => pathOfLine(frame, ring, true)).join('');
		case 'MultiPolygon':
			return geometry.coordinates
				.flat()
				.map((ring) => pathOfLine(frame, ring, true))
				.join('');
		case 'GeometryCollection':
			return geometry.geometries.map((part) => pathOf(frame, part)).join('');
		default:
			return '';
	}
}

function layerPath(frame: PreviewFrame, layers: LayerSet, id: string): string {
	return (layers[id]?.features ?? [])
		.map((feature) => (feature.geometry ? pathOf(frame, feature.geometry) : ''))
		.join('');
}

/** The SVG of `layers` in `frame` (whose width and height the manifest gives the page). */
export function buildPreviewSvg(layers: LayerSet, frame: PreviewFrame, palette: MapPalette): string {
	const boundary = layerPath(frame, layers, 'boundary');
	const streets = layerPath(frame, layers, 'streets');
	const water = layerPath(frame, layers, 'waterways');
	const roads = layerPath(frame, layers, 'roads');
	const rail = layerPath(frame, layers, 'railways');
	const line = 'fill="none" stroke-linecap="round" stroke-linejoin="round"';
	const parts = [
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${frame.width} ${frame.height}" width="${frame.width}" height="${frame.height}">`,
		`<rect width="100%" height="100%" fill="${palette.background}"/>`,
		boundary && `<path d="${boundary}" fill="${palette.city}" fill-rule="evenodd"/>`,
		streets && `<path d="${streets}" ${line} stroke="${palette.street}" stroke-width="1.5"/>`,
		water && `<path d="${water}" ${line} stroke="${palette.water}" stroke-width="5"/>`,
		roads && `<path d="${roads}" ${line} stroke="${palette.roadCasing}" stroke-width="5"/>`,
		roads && `<path d="${roads}" ${line} stroke="${palette.road}" stroke-width="3"/>`,
		rail && `<path d="${rail}" fill="none" stroke="${palette.rail}" stroke-width="3"/>`,
		rail &&
			`<path d="${rail}" fill="none" stroke="${palette.railDash}" stroke-width="1.2" stroke-dasharray="6 6"/>`,
		boundary &&
			`<path d="${boundary}" fill="none" stroke="${palette.boundary}" stroke-width="3" stroke-dasharray="8 4"/>`,
		'</svg>'
	];
	return parts.filter(Boolean).join('\n') + '\n';
}
