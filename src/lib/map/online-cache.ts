/**
 * Browser side of the online layers: the `bosai-online://` protocol (Cache Storage first, network
 * only when online) and "keep for offline", which stores a layer's tiles for the city's extent.
 */
import type * as MapLibre from 'maplibre-gl';
import {
	fromProtocolUrl,
	keepUrls,
	onlineCacheName,
	onlineProtocol,
	type OnlineLayer
} from './online-layers.ts';

const keptKey = 'bosai-online-kept';

/**
 * A transparent 1×1 PNG: what a tile looks like where the publisher has nothing (the hazard
 * portal answers 404 outside hazard areas) or where we are offline and the tile was not kept.
 * Our vector basemap then shows through instead of an error.
 */
const emptyTile = Uint8Array.from(
	atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR42mNgAAIAAAUAAen63NgAAAAASUVORK5CYII='),
	(c) => c.charCodeAt(0)
);
const empty = () => ({ data: emptyTile.slice().buffer });
let registered = false;

export function registerOnlineProtocol(maplibregl: typeof MapLibre): void {
	if (registered) return;
	maplibregl.addProtocol(onlineProtocol, async (params, abort) => {
		const url = fromProtocolUrl(params.url);
		const cache = 'caches' in globalThis ? await caches.open(onlineCacheName) : null;
		const hit = await cache?.match(url);
		if (hit) return { data: await hit.arrayBuffer() };
		if (!navigator.onLine) return empty();
		const response = await fetch(url, { signal: abort.signal, mode: 'cors' }).catch(() => null);
		if (!response?.ok) return empty();
		return { data: await response.arrayBuffer() };
	});
	registered = true;
}

/** Layer ids whose city extent is kept in Cache Storage. */
export function keptLayers(): string[] {
	try {
		return JSON.parse(localStorage.getItem(keptKey) ?? '[]') as string[];
	} catch {
		return [];
	}
}

/**
 * Stores every tile of `layer` over `bbox` (zooms 12–16). Reports progress; a tile that fails
 * stops the run with an error, and the layer is only marked kept when all tiles are stored.
 */
export async function keepForOffline(
	layer: OnlineLayer,
	bbox: readonly [number, number, number, number],
	onProgress: (done: number, total: number) => void
): Promise<number> {
	const urls = keepUrls(layer, bbox);
	const cache = await caches.open(onlineCacheName);
	let done = 0;
	const queue = [...urls];
	const worker = async () => {
		for (let url = queue.shift(); url; url = queue.shift()) {
			if (!(await cache.match(url))) {
				const response = await fetch(url, { mode: 'cors' });
				// 404 is how the hazard portal says "no hazard here": nothing to keep.
				if (response.status !== 404) {
					if (!response.ok) throw new Error(`tile ${url}: HTTP ${response.status}`);
					await cache.put(url, response);
				}
			}
			onProgress(++done, urls.length);
		}
	};
	// A few requests at a time: polite to the publisher, quick enough for ~100 tiles.
	await Promise.all([worker(), worker(), worker(), worker()]);
	localStorage.setItem(keptKey, JSON.stringify([...new Set([...keptLayers(), layer.id])].sort()));
	return urls.length;
}
