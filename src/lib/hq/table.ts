/** Sorting and filtering of the HQ shelter table (pure, so the rules are unit-tested). */
import type { Crowding, ShelterStatus } from '../domain/vocabulary.ts';
import { crowdingLevels, shelterStatuses } from '../domain/vocabulary.ts';
import { capacityShare } from '../csv/export.ts';
import { isStale, reportAgeMs } from './stale.ts';
import type { HqShelter } from './types.ts';

export const sortKeys = ['name', 'status', 'crowding', 'evacuees', 'share', 'remaining', 'age'] as const;
export type SortKey = (typeof sortKeys)[number];

export interface TableQuery {
	text: string;
	status: ShelterStatus | 'not_reported' | 'all';
	staleOnly: boolean;
	sort: SortKey;
	descending: boolean;
}

export const defaultQuery: TableQuery = {
	text: '',
	status: 'all',
	staleOnly: false,
	sort: 'age',
	descending: true
};

/** Rank of a status for sorting: open first when descending… and unknown/none always last. */
function statusRank(status: ShelterStatus | undefined): number | null {
	return status === undefined ? null : shelterStatuses.indexOf(status);
}

function crowdingRank(crowding: Crowding | undefined): number | null {
	if (crowding === undefined || crowding === 'unknown') return null;
	return crowdingLevels.indexOf(crowding);
}

function sortValue(shelter: HqShelter, key: SortKey, now: number): number | string | null {
	switch (key) {
		case 'name':
			return shelter.name;
		case 'status':
			return statusRank(shelter.status?.status);
		case 'crowding':
			return crowdingRank(shelter.status?.crowding);
		case 'evacuees':
			return shelter.status?.evacuees ?? null;
		case 'share':
			return capacityShare(shelter.status?.evacuees, shelter.capacity);
		case 'remaining':
			return shelter.status?.remaining ?? null;
		case 'age':
			return reportAgeMs(shelter, now);
	}
}

/** Filters and sorts; unknown values sort last in both directions, ties by name. */
export function applyQuery(
	shelters: readonly HqShelter[],
	query: TableQuery,
	now: number,
	staleMinutes: number
): HqShelter[] {
	const text = query.text.trim().toLowerCase();
	const kept = shelters.filter((shelter) => {
		if (text && !`${shelter.name} ${shelter.address} ${shelter.id}`.toLowerCase().includes(text)) {
			return false;
		}
		if (query.status === 'not_reported' && shelter.status) return false;
		if (query.status !== 'all' && query.status !== 'not_reported') {
			if (shelter.status?.status !== query.status) return false;
		}
		if (query.staleOnly && !isStale(shelter, now, staleMinutes)) return false;
		return true;
	});
	const direction = query.descending ? -1 : 1;
	return kept
		.map((shelter) => ({ shelter, value: sortValue(shelter, query.sort, now) }))
		.sort((a, b) => {
			if (a.value === null && b.value !== null) return 1;
			if (b.value === null && a.value !== null) return -1;
			if (a.value !== null && b.value !== null && a.value !== b.value) {
				const order =
					typeof a.value === 'string'
						? a.value.localeCompare(String(b.value), 'ja')
						: a.value - (b.value as number);
				if (order !== 0) return order * direction;
			}
			return a.shelter.name.localeCompare(b.shelter.name, 'ja');
		})
		.map(({ shelter }) => shelter);
}
