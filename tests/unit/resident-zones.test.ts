/**
 * HazardZones: the "am I in a hazard zone?" answer from the map manifest's hazard layers. The open
 * data has no hazard polygons yet, so the zones here are SYNTHETIC squares around a real 町丁目
 * point; the files are served by a small in-memory fetch (our own injection point, no service).
 */
import { describe, expect, it } from 'vitest';
import { HazardZones, type HazardLayerEntry } from '#lib/resident/zones.ts';
import { syntheticSquare } from './resident-fixtures.ts';

const iwatoMinami4 = { lon: 139.590772, lat: 35.625973 }; // Geolonia point of 岩戸南四丁目
const square = (lon: number, lat: number, half: number) => syntheticSquare(lon, lat, half, { rank: 2 });
const files: Record<string, unknown> = {
	'/generated/map/hazards/synthetic-flood.geojson': {
		type: 'FeatureCollection',
		features: [
			square(iwatoMinami4.lon, iwatoMinami4.lat, 0.002),
			{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [139.59, 35.62] } }
		]
	}
};
let fetches = 0;
const fetcher = (async (url: string) => {
	fetches++;
	return url in files ? new Response(JSON.stringify(files[url])) : new Response('missing', { status: 404 });
}) as typeof fetch;
const entries: HazardLayerEntry[] = [
	{
		id: 'synthetic-flood',
		type: 'flood',
		url: '/generated/map/hazards/synthetic-flood.geojson',
		source: 'synthetic',
		edition: 'test'
	},
	{
		id: 'gone',
		type: 'landslide',
		url: '/generated/map/hazards/gone.geojson',
		source: 'synthetic',
		edition: 'test'
	}
];

describe('HazardZones', () => {
	it('answers inside / outside for an installed hazard type, loading each layer once', async () => {
		const zones = new HazardZones(entries, fetcher);
		expect(await zones.check('flood', iwatoMinami4)).toEqual({ kind: 'inside', zones: ['synthetic test'] });
		expect(await zones.check('flood', { lon: 139.57, lat: 35.64 })).toEqual({ kind: 'outside' });
		expect(fetches).toBe(1);
	});

	it('says no data for a type without layers, or whose file cannot be read', async () => {
		const zones = new HazardZones(entries, fetcher);
		expect(await zones.check('inland_flood', iwatoMinami4)).toEqual({ kind: 'no-data' });
		expect(await zones.check('landslide', iwatoMinami4)).toEqual({ kind: 'no-data' });
		expect(await new HazardZones([], fetcher).check('flood', iwatoMinami4)).toEqual({ kind: 'no-data' });
	});
});
