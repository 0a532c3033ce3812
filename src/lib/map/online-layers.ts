/**
 * Optional online layers (off by default): 地理院タイル 淡色地図 and the ハザードマップポータル
 * hazard rasters. MapLibre reads them through our `bosai-online://` protocol, which answers from
 * Cache Storage first (tiles the resident chose to keep for offline use) and from the network
 * only when online. Nothing here runs unless the resident turns a layer on.
 */
import type { LayerSpecification, RasterSourceSpecification } from 'maplibre-gl';
import { tilesInBbox } from './tile-math.ts';

export interface OnlineLayer {
	id: 'gsi-pale' | 'flood-l2' | 'naisui' | 'dosekiryu';
	/** Official tile URL template (https). */
	url: string;
	maxzoom: number;
	attribution: string;
	/** Base map (drawn under our vector layers' labels) or a hazard overlay. */
	kind: 'base' | 'hazard';
}

export const onlineLayers: OnlineLayer[] = [
	{
		id: 'gsi-pale',
		url: 'https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png',
		maxzoom: 18,
		attribution: '出典：地理院タイル（淡色地図）',
		kind: 'base'
	},
	{
		id: 'flood-l2',
		url: 'https://disaportaldata.gsi.go.jp/raster/01_flood_l2_shinsuishin_data/{z}/{x}/{y}.png',
		maxzoom: 17,
		attribution: '出典：ハザードマップポータルサイト（洪水浸水想定区域・想定最大規模）',
		kind: 'hazard'
	},
	{
		id: 'naisui',
		url: 'https://disaportaldata.gsi.go.jp/raster/02_naisui_data/{z}/{x}/{y}.png',
		maxzoom: 17,
		attribution: '出典：ハザードマップポータルサイト（内水浸水想定区域）',
		kind: 'hazard'
	},
	{
		id: 'dosekiryu',
		url: 'https://disaportaldata.gsi.go.jp/raster/05_dosekiryukeikaikuiki/{z}/{x}/{y}.png',
		maxzoom: 17,
		attribution: '出典：ハザードマップポータルサイト（土石流警戒区域）',
		kind: 'hazard'
	}
];

export const onlineProtocol = 'bosai-online';
export const onlineCacheName = 'bosai-online-tiles-v1';
/** Zooms kept for offline use: the whole city from overview (12) to street level (16). */
export const keepZooms = [12, 16] as const;

/** https://host/path → bosai-online://host/path (what MapLibre requests). */
export function toProtocolUrl(url: string): string {
	return url.replace(/^https:\/\//, `${onlineProtocol}://`);
}

export function fromProtocolUrl(url: string): string {
	return url.replace(new RegExp(`^${onlineProtocol}://`), 'https://');
}

export function onlineSource(layer: OnlineLayer): RasterSourceSpecification {
	return {
		type: 'raster',
		tiles: [toProtocolUrl(layer.url)],
		tileSize: 256,
		maxzoom: layer.maxzoom,
		attribution: layer.attribution
	};
}

export function onlineLayerSpec(layer: OnlineLayer): LayerSpecification {
	return {
		id: `online-${layer.id}`,
		type: 'raster',
		source: `online-${layer.id}`,
		paint: { 'raster-opacity': layer.kind === 'hazard' ? 0.7 : 1 }
	};
}

/** The tile URLs (https) that "keep for offline" stores for one layer and area. */
export function keepUrls(layer: OnlineLayer, bbox: readonly [number, number, number, number]): string[] {
	return tilesInBbox(bbox, keepZooms[0], Math.min(keepZooms[1], layer.maxzoom)).map(({ z, x, y }) =>
		layer.url.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y))
	);
}
