import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Hazard } from '#lib/domain/vocabulary.ts';
import { ZoneIndex } from '#lib/geo/hazard-index.ts';
import type { LonLat } from '#lib/geo/direction.ts';
import type { MapManifest } from '#lib/map/manifest.ts';

/**
 * Hazard-zone checks on the device. The map manifest lists the installed hazard layers (GeoJSON
 * polygons copied from the hazard importer); none of a type means "no hazard-zone data installed".
 */
export type HazardLayerEntry = MapManifest['hazards'][number];

export type ZoneAnswer = { kind: 'no-data' } | { kind: 'inside'; zones: string[] } | { kind: 'outside' };

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

	entriesFor(hazard: Hazard): HazardLayerEntry[] {
		return this.#entries.filter((entry) => entry.type === hazard);
	}

	async check(hazard: Hazard, at: LonLat): Promise<ZoneAnswer> {
		let pending = this.#indexes.get(hazard);
		if (!pending) {
			pending = this.#build(hazard);
			this.#indexes.set(hazard, pending);
		}
		const index = await pending;
		if (!index) return { kind: 'no-data' };
		const inside = index.containing(at);
		if (!inside.length) return { kind: 'outside' };
		return { kind: 'inside', zones: [...new Set(inside.map((zone) => String(zone.properties.layer)))] };
	}

	async #build(hazard: Hazard): Promise<ZoneIndex | null> {
		const features = [];
		for (const entry of this.entriesFor(hazard)) {
			const response = await this.#fetch(entry.url);
			if (!response.ok) continue;
			const collection = (await response.json()) as Zones;
			for (const feature of collection.features) {
				const type = feature.geometry?.type;
				if (type !== 'Polygon' && type !== 'MultiPolygon') continue;
				features.push({
					...feature,
					properties: { ...feature.properties, layer: `${entry.source} ${entry.edition}` }
				});
			}
		}
		return features.length ? new ZoneIndex(features) : null;
	}
}
