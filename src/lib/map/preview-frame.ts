/**
 * The light map preview's frame: Web Mercator, the city's bbox scaled to `width` units across.
 * Shared by the tile build (tiles/preview.ts draws the basemap into it) and the resident page
 * (MapPreview.svelte puts the shelters and my position on it with the same numbers).
 */
import { mercatorX, mercatorY } from './tile-math.ts';

export type Bbox = readonly [west: number, south: number, east: number, north: number];

/** What a page needs to draw the preview: the manifest's bbox and `preview` entry. */
export interface MapPreviewInfo {
	bbox: Bbox;
	light: string;
	dark: string;
	width: number;
	height: number;
	/** The basemap's sources (the manifest's attribution), shown with the preview as with the map. */
	attribution: string[];
}

export interface PreviewFrame {
	bbox: Bbox;
	width: number;
	height: number;
	/** Frame units per Web Mercator world unit. */
	scale: number;
}

export function previewFrame(bbox: Bbox, width = 1000): PreviewFrame {
	const [west, south, east, north] = bbox;
	const scale = width / (mercatorX(east) - mercatorX(west));
	return { bbox, width, height: Math.round((mercatorY(south) - mercatorY(north)) * scale), scale };
}

/** A position in frame units (0,0 top left), rounded to a tenth. */
export function project(frame: PreviewFrame, lon: number, lat: number): [x: number, y: number] {
	const [west, , , north] = frame.bbox;
	const round = (value: number) => Math.round(value * 10) / 10;
	return [
		round((mercatorX(lon) - mercatorX(west)) * frame.scale),
		round((mercatorY(lat) - mercatorY(north)) * frame.scale)
	];
}
