/**
 * Everything MapLibre needs, in one lazily imported module: MapView imports this with `import()`
 * after mount, so MapLibre, its CSS, the PMTiles reader and our protocols stay out of the JS a page
 * needs before its text shows (the resident home's "text first, map after").
 */
import * as maplibregl from 'maplibre-gl';
// By URL, not `import '….css'`: SvelteKit links the CSS of a page's dynamic imports in its first
// HTML, where MapLibre's stylesheet blocked the resident home's first paint. Linked at start.
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?url';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { registerOnlineProtocol } from './online-cache.ts';
import { registerPmtiles } from './protocol.ts';

/** Resolves once MapLibre's stylesheet is in the page (a failed load still starts the map). */
function linkStylesheet(href: string): Promise<void> {
	if (document.querySelector(`link[data-maplibre-css]`)) return Promise.resolve();
	return new Promise((done) => {
		const link = document.createElement('link');
		link.rel = 'stylesheet';
		link.href = href;
		link.dataset.maplibreCss = '';
		link.addEventListener('load', () => done(), { once: true });
		link.addEventListener('error', () => done(), { once: true });
		document.head.append(link);
	});
}

export async function startEngine(): Promise<typeof maplibregl> {
	await linkStylesheet(maplibreCss);
	maplibregl.setWorkerUrl(workerUrl);
	registerPmtiles(maplibregl);
	registerOnlineProtocol(maplibregl);
	return maplibregl;
}
