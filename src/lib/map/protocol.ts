/** Registers the pmtiles:// protocol with MapLibre once per page. */
import type * as MapLibre from 'maplibre-gl';
import { Protocol } from 'pmtiles';

let registered = false;

export function registerPmtiles(maplibregl: typeof MapLibre): void {
	if (registered) return;
	const protocol = new Protocol();
	maplibregl.addProtocol('pmtiles', protocol.tile);
	registered = true;
}
