import { z } from 'zod';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Hazard } from '#lib/domain/vocabulary.ts';
import { ZoneIndex } from '#lib/geo/hazard-index.ts';
import type { LonLat } from '#lib/geo/direction.ts';

/**
 * Hazard-zone checks on the device. The map manifest (static/generated/map/manifest.json) lists the
 * installed hazard layers; an entry with a `geojson` URL (the importer's polygons) can be checked
 * point-in-polygon offline. No entry for a hazard means "no hazard-zone data installed".
 */
export const mapManifestUrl = '/generated/map/manifest.json';

const hazardEntry = z.object({
	id: z.string(),
	type: z.string(),
	source: z.string().optional(),
	edition: z.string().optional(),
	geojson: z.string().optional()
});
const manifestSchema = z.object({ hazards: z.array(hazardEntry).default([]) });
export type HazardLayerEntry = z.infer<typeof hazardEntry>;

export type ZoneAnswer = { kind: 'no-data' } | { kind: 'inside'; zones: string[] } | { kind: 'outside' };

export async function loadHazardEntries(fetcher: typeof fetch = fetch): Promise<HazardLayerEntry[]> {
	const response = await fetcher(mapManifestUrl);
	if (!response.ok) return [];
	const parsed = manifestSchema.safeParse(await response.json());
	return parsed.success ? parsed.data.hazards : [];
}

type Zones = FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>;

/** One ZoneIndex per hazard type, built on first use from every installed layer of that type. */
export class HazardZones {
	readonly #entries: HazardLayerEntry[];
	readonly #indexes = new Map<Hazard, Promise<ZoneIndex | null>>();
	readonly #fetch: typeof fetch;

	constructor(entries: HazardLayerEntry[], fetcher: typeof fetch = fetch) {
		this.#entries = entries;
		this.#fetch = fetcher;
	}

	installed(hazard: Hazard): boolean {
		return this.#entries.some((entry) => entry.type === hazard && entry.geojson);
	}

	async check(hazard: Hazard, at: LonLat): Promise<ZoneAnswer> {
		const index = await this.#index(hazard);
		if (!index) return { kind: 'no-data' };
		const inside = index.containing(at);
		if (!inside.length) return { kind: 'outside' };
		const names = inside.map((zone) => String(zone.properties.label ?? zone.properties.layer ?? ''));
		return { kind: 'inside', zones: [...new Set(names.filter(Boolean))] };
	}

	#index(hazard: Hazard): Promise<ZoneIndex | null> {
		let pending = this.#indexes.get(hazard);
		if (!pending) {
			pending = this.#build(hazard);
			this.#indexes.set(hazard, pending);
		}
		return pending;
	}

	async #build(hazard: Hazard): Promise<ZoneIndex | null> {
		const entries = this.#entries.filter((entry) => entry.type === hazard && entry.geojson);
		if (!entries.length) return null;
		const features = [];
		for (const entry of entries) {
			const response = await this.#fetch(entry.geojson!);
			if (!response.ok) continue;
			const collection = (await response.json()) as Zones;
			for (const feature of collection.features) {
				if (feature.geometry?.type !== 'Polygon' && feature.geometry?.type !== 'MultiPolygon') continue;
				features.push({ ...feature, properties: { ...feature.properties, layer: entry.source ?? entry.id } });
			}
		}
		return features.length ? new ZoneIndex(features) : null;
	}
}
