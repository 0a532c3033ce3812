import type { PublicStatus, ShelterCollection, ShelterFeature } from '#lib/domain/shelter.ts';
import type { Hazard, ShelterKind } from '#lib/domain/vocabulary.ts';
import { PointIndex, type NearbyResult } from '#lib/geo/shelter-index.ts';
import type { LonLat } from '#lib/geo/direction.ts';

/** A shelter as the resident screens use it: the feature's properties plus its position. */
export type ResidentShelter = ShelterFeature['properties'] & LonLat;

export function sheltersOf(collection: ShelterCollection): ResidentShelter[] {
	return collection.features
		.filter((feature) => (feature.properties as { hidden?: boolean }).hidden !== true)
		.map((feature) => ({
			...feature.properties,
			lon: feature.geometry.coordinates[0],
			lat: feature.geometry.coordinates[1]
		}));
}

/**
 * Order of usefulness for someone who must go now: open (not full) first, then open but full,
 * preparing, never reported, not opened, closed. Distance decides within a group.
 */
export function statusRank(status: PublicStatus | null): number {
	if (!status) return 3;
	switch (status.status) {
		case 'open':
			return status.crowding === 'full' ? 1 : 0;
		case 'preparing':
			return 2;
		case 'not_opened':
			return 4;
		case 'closed':
			return 5;
	}
}
const rankCount = 6;

export function designatedFor(shelter: ResidentShelter, hazard: Hazard | null): boolean {
	return hazard === null || shelter.hazards.includes(hazard);
}

export interface ShelterFilters {
	hazard: Hazard | null;
	/** 'shelter' matches 指定避難所 and both; 'emergency_site' matches 指定緊急避難場所 and both. */
	kind: ShelterKind | null;
	welfareOnly: boolean;
}

export const noFilters: ShelterFilters = { hazard: null, kind: null, welfareOnly: false };

export function matchesFilters(shelter: ResidentShelter, filters: ShelterFilters): boolean {
	if (!designatedFor(shelter, filters.hazard)) return false;
	if (filters.kind && shelter.kind !== filters.kind && shelter.kind !== 'both') return false;
	if (filters.welfareOnly && !shelter.welfare) return false;
	return true;
}

/**
 * The shelters to go to: those matching the filters, best status group first and nearest first
 * within a group. Each group is one k-nearest query on the index, so no full scan is needed.
 */
export function rankNearest(
	index: PointIndex<ResidentShelter>,
	from: LonLat,
	filters: ShelterFilters,
	limit: number
): NearbyResult<ResidentShelter>[] {
	const results: NearbyResult<ResidentShelter>[] = [];
	for (let rank = 0; rank < rankCount && results.length < limit; rank++) {
		results.push(
			...index.nearest(from, {
				limit: limit - results.length,
				filter: (shelter) => statusRank(shelter.status) === rank && matchesFilters(shelter, filters)
			})
		);
	}
	return results;
}
