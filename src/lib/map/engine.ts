/**
 * Everything MapLibre needs, in one lazily imported module: MapView imports this with `import()`
 * after mount, so MapLibre, its CSS, the PMTiles reader and our protocols stay out of the JS a page
 * needs before its text shows (the resident home's "text first, map after").
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { registerOnlineProtocol } from './online-cache.ts';
import { registerPmtiles } from './protocol.ts';

export function startEngine(): typeof maplibregl {
	maplibregl.setWorkerUrl(workerUrl);
	registerPmtiles(maplibregl);
	registerOnlineProtocol(maplibregl);
	return maplibregl;
}
