/**
 * HQ totals per 町丁目 and city-wide, from each shelter's latest report (what hq_shelters()
 * answers). A shelter's 町丁目 comes from its address: 「東京都狛江市岩戸南1-5-10」 → 岩戸南一丁目,
 * the spelling of the 町丁目 list (Geolonia). A shelter outside the city or without a readable
 * address is counted under `null` (町丁目不明), so the per-町丁目 rows always add up to the city.
 */
import type { HqShelter } from './types.ts';

const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (町丁目 numbers stay well below 100). */
export function kanjiNumber(value: number): string {
	if (value < 10) return digits[value]!;
	const tens = Math.floor(value / 10);
	return `${tens === 1 ? '' : digits[tens]}十${digits[value % 10]}`;
}

/** The 町丁目 of an address in `cityPrefix` (e.g. 東京都狛江市), or null when it cannot be read. */
export function townOfAddress(address: string, cityPrefix: string): string | null {
	const normalized = address
		.trim()
		.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
		.replace(/[－−ー]/g, '-');
	if (!normalized.startsWith(cityPrefix)) return null;
	const rest = normalized.slice(cityPrefix.length);
	const match = /^([^\d\s-]+?)(?:(\d{1,2})(?:丁目|-|$)|$)/.exec(rest);
	if (!match) return null;
	const [, name, chome] = match;
	if (!chome) return name!;
	const number = Number(chome);
	return number >= 1 ? `${name}${kanjiNumber(number)}丁目` : null;
}

export interface NumberTotals {
	/** Open shelters (開設). */
	open: number;
	evacuees: number;
	male: number;
	female: number;
	households: number;
	needsCare: number;
	external: number;
}

export interface TownTotals extends NumberTotals {
	/** null: 町丁目不明 (outside the city, or an address that does not name one). */
	town: string | null;
}

function zero(): NumberTotals {
	return { open: 0, evacuees: 0, male: 0, female: 0, households: 0, needsCare: 0, external: 0 };
}

function add(into: NumberTotals, shelter: HqShelter): void {
	const status = shelter.status;
	if (!status) return;
	if (status.status === 'open') into.open += 1;
	// As the city-wide headline (totals.ts): people are counted while a shelter is open or preparing.
	if (status.status !== 'open' && status.status !== 'preparing') return;
	into.evacuees += status.evacuees ?? 0;
	into.male += status.evacuees_male ?? 0;
	into.female += status.evacuees_female ?? 0;
	into.households += status.households ?? 0;
	into.needsCare += status.needs_care ?? 0;
	into.external += status.external_evacuees ?? 0;
}

/** Per 町丁目 (Japanese order, 町丁目不明 last) and the city-wide sum of the same shelters. */
export function townTotals(
	shelters: readonly HqShelter[],
	cityPrefix: string
): { towns: TownTotals[]; city: NumberTotals } {
	const byTown = new Map<string | null, TownTotals>();
	const city = zero();
	for (const shelter of shelters) {
		const town = townOfAddress(shelter.address, cityPrefix);
		let row = byTown.get(town);
		if (!row) byTown.set(town, (row = { town, ...zero() }));
		add(row, shelter);
		add(city, shelter);
	}
	const towns = [...byTown.values()]
		// 町丁目 with nothing to count are left out; every other row is kept, so rows add up to the city.
		.filter((row) => (Object.keys(zero()) as (keyof NumberTotals)[]).some((key) => row[key] > 0))
		.sort((a, b) => (a.town === null ? 1 : b.town === null ? -1 : a.town.localeCompare(b.town, 'ja')));
	return { towns, city };
}
