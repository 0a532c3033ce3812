/**
 * Hazard zones from their official formats → zones clipped to the city and simplified.
 *  - 国土数値情報 A31a 洪水浸水想定区域: depth rank in A31a_205.
 *  - 内水浸水想定区域: published by each city; read with the same depth-rank field map as A31a.
 *  - 国土数値情報 A33 土砂災害警戒区域: phenomenon (A33_001) and zone type (A33_002).
 * The field maps live here, in one place: confirm them against the official definitions when
 * real data arrives.
 */
import { featureCollection, intersect, simplify, truncate } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { BoundaryFeature } from './boundary.ts';
import type { HazardSource } from './city-config.ts';
import type { RejectedRow } from './import-types.ts';
import { a33Phenomena, a33ZoneTypes, depthRanks } from './hazard-legend.ts';

export const a31aFields = {
	zoneCode: 'A31a_201',
	river: 'A31a_202',
	manager: 'A31a_203',
	depthRank: 'A31a_205'
};
export const a33Fields = { phenomenon: 'A33_001', zoneType: 'A33_002', name: 'A33_005' };

/** Simplification tolerance in degrees (~5 m): invisible at z16, keeps files small. */
const tolerance = 0.00005;

export interface HazardImport {
	collection: FeatureCollection<Polygon | MultiPolygon> & { source: Record<string, string> };
	rejected: RejectedRow[];
	stats: { features_read: number; outside_city: number };
}

function zoneProperties(
	props: Record<string, unknown>,
	source: HazardSource
): { ok: true; value: Record<string, string | number> } | { ok: false; reason: string } {
	const base = { hazard: source.type, source: source.id, edition: source.edition };
	if (source.schema === 'A33') {
		const phenomenon = a33Phenomena[String(props[a33Fields.phenomenon] ?? '')];
		const zone = a33ZoneTypes[String(props[a33Fields.zoneType] ?? '')];
		if (!phenomenon)
			return {
				ok: false,
				reason: `${a33Fields.phenomenon}: unknown phenomenon ${String(props[a33Fields.phenomenon])}`
			};
		if (!zone)
			return {
				ok: false,
				reason: `${a33Fields.zoneType}: unknown zone type ${String(props[a33Fields.zoneType])}`
			};
		return { ok: true, value: { ...base, phenomenon, zone } };
	}
	const rank = Number(props[a31aFields.depthRank]);
	const known = depthRanks.find((entry) => entry.rank === rank);
	if (!known)
		return {
			ok: false,
			reason: `${a31aFields.depthRank}: unknown depth rank ${String(props[a31aFields.depthRank])}`
		};
	const river = props[a31aFields.river];
	return {
		ok: true,
		value: { ...base, rank, depth: known.label, ...(typeof river === 'string' && river ? { river } : {}) }
	};
}

export function importHazards(json: unknown, source: HazardSource, boundary: BoundaryFeature): HazardImport {
	const rejected: RejectedRow[] = [];
	const features: Feature<Polygon | MultiPolygon>[] = [];
	const input = (json as FeatureCollection)?.features;
	if (!Array.isArray(input)) throw new Error(`${source.file}: not a GeoJSON FeatureCollection`);
	let outside = 0;
	input.forEach((raw, index) => {
		const line = index + 1;
		const type = raw?.geometry?.type;
		if (type !== 'Polygon' && type !== 'MultiPolygon') {
			rejected.push({ file: source.file, line, reason: `geometry ${String(type)} is not a polygon` });
			return;
		}
		const properties = zoneProperties(raw.properties ?? {}, source);
		if (!properties.ok) {
			rejected.push({ file: source.file, line, reason: properties.reason });
			return;
		}
		const clipped = intersect(featureCollection([raw as Feature<Polygon | MultiPolygon>, boundary]));
		if (!clipped) {
			outside++;
			return;
		}
		const simplified = truncate(simplify(clipped, { tolerance, highQuality: true }), {
			precision: 6,
			coordinates: 2
		});
		features.push({ type: 'Feature', properties: properties.value, geometry: simplified.geometry });
	});
	return {
		collection: {
			type: 'FeatureCollection',
			source: {
				id: source.id,
				publisher: source.publisher,
				licence: source.licence,
				edition: source.edition,
				url: source.url,
				schema: source.schema
			},
			features
		},
		rejected,
		stats: { features_read: input.length, outside_city: outside }
	};
}
