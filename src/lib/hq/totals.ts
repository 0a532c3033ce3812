/** The HQ headline figures. */
import type { HqShelter } from './types.ts';

export interface Totals {
	shelters: number;
	open: number;
	full: number;
	notReported: number;
	evacuees: number;
	/** Open shelters whose evacuee count is unknown: the sum is then a lower bound. */
	unknownEvacuees: number;
}

export function totals(shelters: readonly HqShelter[]): Totals {
	const result: Totals = {
		shelters: shelters.length,
		open: 0,
		full: 0,
		notReported: 0,
		evacuees: 0,
		unknownEvacuees: 0
	};
	for (const shelter of shelters) {
		const status = shelter.status;
		if (!status) {
			result.notReported += 1;
			continue;
		}
		if (status.status === 'open') {
			result.open += 1;
			if (status.crowding === 'full') result.full += 1;
			if (status.evacuees === null) result.unknownEvacuees += 1;
		}
		if (status.status === 'open' || status.status === 'preparing') result.evacuees += status.evacuees ?? 0;
	}
	return result;
}
