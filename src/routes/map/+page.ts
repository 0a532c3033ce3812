import { loadMapManifest } from '#lib/map/manifest.ts';
import { shelterCollectionSchema, type ShelterGeoJson } from '#lib/map/shelter-geojson.ts';
import type { PageLoad } from './$types';

/** The map manifest and the shelters overlay (also the page's list alternative). */
export const load: PageLoad = async ({ fetch }) => {
	const manifest = await loadMapManifest(fetch).catch(() => null);
	let shelters: ShelterGeoJson | null = null;
	if (manifest) {
		const response = await fetch(manifest.shelters);
		if (response.ok) shelters = shelterCollectionSchema.parse(await response.json());
	}
	return { manifest, shelters };
};
