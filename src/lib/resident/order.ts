import type { Hazard } from '#lib/domain/vocabulary.ts';
import type { LonLat } from '#lib/geo/direction.ts';
import type { NearbyResult, PointIndex } from '#lib/geo/shelter-index.ts';
import { designatedFor, statusRank, type ResidentShelter } from './shelters.ts';

/**
 * The 町丁目 of a Japanese address ("東京都狛江市和泉本町1-1-5" → "和泉本町1"): prefecture and
 * city dropped, full-width digits folded, the block number kept (丁目), lot and building dropped.
 */
export function townOfAddress(address: string): string {
	const folded = address.normalize('NFKC').replace(/[－ー―‐]/g, '-');
	const local = folded
		.replace(/^(東京都|北海道|(?:京都|大阪)府|.{2,3}県)/, '')
		.replace(/^.+?[市区町村](?=.)/, '');
	const match = /^(\D+?)(\d+)?(?:丁目|-|$)/.exec(local);
	if (!match) return local;
	return match[2] ? `${match[1]}${match[2]}` : match[1];
}

/**
 * The list without a position (issue 15): shelters designated for the chosen hazard first; then
 * general shelters before 福祉避難所 (these are for people who need care, and most residents
 * should not go there); open ones before the rest (in normal times nothing is reported, so this
 * changes nothing until shelters open); then designated shelters that are also emergency sites
 * (kind 'both'); then by 町丁目 and name. Every shelter is in the list: a resident can reach all.
 */
export function orderWithoutPosition(
	shelters: readonly ResidentShelter[],
	hazard: Hazard | null
): ResidentShelter[] {
	const collator = new Intl.Collator('ja', { numeric: true });
	const keyed = shelters.map((shelter) => ({
		shelter,
		keys: [
			designatedFor(shelter, hazard) ? 0 : 1,
			shelter.welfare ? 1 : 0,
			statusRank(shelter.status),
			shelter.kind === 'both' ? 0 : 1
		],
		town: townOfAddress(shelter.address)
	}));
	keyed.sort((a, b) => {
		for (let i = 0; i < a.keys.length; i++) if (a.keys[i] !== b.keys[i]) return a.keys[i] - b.keys[i];
		return (
			collator.compare(a.town, b.town) ||
			collator.compare(a.shelter.name, b.shelter.name) ||
			(a.shelter.id < b.shelter.id ? -1 : 1)
		);
	});
	return keyed.map((entry) => entry.shelter);
}

/** Open and not full: a shelter that takes people now. */
export function takesPeople(shelter: ResidentShelter): boolean {
	return shelter.status?.status === 'open' && shelter.status.crowding !== 'full';
}

export type PeekAnswer =
	| { kind: 'shelters'; rows: NearbyResult<ResidentShelter>[] }
	/** Why nothing qualifies: no position yet, no shelter open for this hazard, or all open ones full. */
	| { kind: 'no-position' | 'none-open' | 'all-full' };

/**
 * The bottom sheet's peek: the nearest `limit` shelters that are open, designated for the chosen
 * hazard (any hazard when none is chosen) and not full, or the reason none qualifies.
 */
export function peekShelters(
	index: PointIndex<ResidentShelter>,
	from: LonLat | null,
	hazard: Hazard | null,
	limit = 3
): PeekAnswer {
	const suitable = index.items.filter((shelter) => designatedFor(shelter, hazard));
	if (!suitable.some(takesPeople)) {
		const anyOpen = suitable.some((shelter) => shelter.status?.status === 'open');
		return { kind: anyOpen ? 'all-full' : 'none-open' };
	}
	if (!from) return { kind: 'no-position' };
	const rows = index.nearest(from, {
		limit,
		filter: (shelter) => designatedFor(shelter, hazard) && takesPeople(shelter)
	});
	return { kind: 'shelters', rows };
}
