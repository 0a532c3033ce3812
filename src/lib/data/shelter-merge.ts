/**
 * Merges the rows of the 指定緊急避難場所 and 指定避難所 lists into one shelter per place.
 *
 * Two rows describe the same place when they share the facility part of the GSI 共通ID
 * (E + municipality code + facility number: the first 11 characters), the name and the address.
 * Within one list such rows are duplicates: the one with the lowest 共通ID is kept, the others
 * are removed and logged. Across the two lists they become one shelter of kind `both`.
 * Rows that only look alike (same name, different facility number) are kept and listed as
 * possible duplicates for a human to check: nothing is silently dropped.
 */
import { hazards, type Hazard, type ShelterKind } from '#lib/domain/vocabulary.ts';
import { shelterRecordSchema, type ShelterRecord } from '#lib/domain/shelter.ts';
import type { SourceEntry } from './import-types.ts';
import { isWelfareId } from './common-id.ts';

export interface DuplicateRemoved {
	list: SourceEntry['list'];
	kept: string;
	removed: string;
	file: string;
	line: number;
	/** Fields where the removed row differed from the kept one (coordinates beyond 10 m, flags…). */
	differences: string[];
}

export interface MergeLog {
	duplicates_removed: DuplicateRemoved[];
	merged_both: { id: string; emergency: string; designated: string }[];
	possible_duplicates: { name: string; ids: string[] }[];
	outside_city: { id: string; name: string; address: string; source_rows: number }[];
}

export interface MergeResult {
	shelters: ShelterRecord[];
	log: MergeLog;
}

/** Words of 受入対象者 that mark a 福祉避難所 (people needing special care). */
const welfareWords = /要配慮|高齢|障害|障がい|妊産婦|乳幼児|福祉|介護/;

export function isWelfare(acceptedPeople: string | null): boolean {
	return acceptedPeople !== null && welfareWords.test(acceptedPeople);
}

function normalize(value: string): string {
	return value.normalize('NFKC').replace(/\s+/g, '');
}

/** The facility part of a GSI 共通ID; other ids (e.g. a city's own CSV ID) are used whole. */
export function facilityKey(id: string): string {
	return /^E\d{10}/.test(id) ? id.slice(0, 11) : id;
}

function placeKey(entry: SourceEntry): string {
	return `${facilityKey(entry.id)}|${normalize(entry.name)}|${normalize(entry.address)}`;
}

/** Approximate metres between two nearby points (equirectangular; fine below a few km). */
function metresBetween(a: SourceEntry, b: SourceEntry): number {
	const rad = Math.PI / 180;
	const x = (b.lon - a.lon) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
	const y = (b.lat - a.lat) * rad;
	return Math.sqrt(x * x + y * y) * 6_371_000;
}

function differences(kept: SourceEntry, other: SourceEntry): string[] {
	const found: string[] = [];
	const distance = metresBetween(kept, other);
	if (distance > 10) found.push(`position ${Math.round(distance)} m apart`);
	if (kept.hazards.join() !== other.hazards.join()) found.push('hazard flags');
	if (kept.accepted_people !== other.accepted_people) found.push('受入対象者');
	if (kept.notes !== other.notes) found.push('備考');
	return found;
}

function byId(a: SourceEntry, b: SourceEntry): number {
	return a.id < b.id ? -1 : a.id > b.id ? 1 : a.line - b.line;
}

function uniqueJoin(values: (string | null)[]): string | null {
	const kept = [...new Set(values.filter((value): value is string => value !== null))];
	return kept.length ? kept.join(' / ') : null;
}

export function mergeShelters(
	entries: SourceEntry[],
	isInside: (lon: number, lat: number) => boolean
): MergeResult {
	const log: MergeLog = {
		duplicates_removed: [],
		merged_both: [],
		possible_duplicates: [],
		outside_city: []
	};
	const groups = new Map<string, SourceEntry[]>();
	for (const entry of [...entries].sort(byId)) {
		const key = placeKey(entry);
		groups.set(key, [...(groups.get(key) ?? []), entry]);
	}

	// A lone 指定緊急避難場所 list (e.g. a city CSV) can only say "also a 指定避難所" by its flag.
	const hasDesignatedList = entries.some((entry) => entry.list === 'designated');
	const shelters: ShelterRecord[] = [];
	for (const group of groups.values()) {
		const firstOf = new Map<SourceEntry['list'], SourceEntry>();
		for (const entry of group) {
			const kept = firstOf.get(entry.list);
			if (!kept) {
				firstOf.set(entry.list, entry);
				continue;
			}
			log.duplicates_removed.push({
				list: entry.list,
				kept: kept.id,
				removed: entry.id,
				file: entry.file,
				line: entry.line,
				differences: differences(kept, entry)
			});
		}
		const emergency = firstOf.get('emergency');
		const designated = firstOf.get('designated');
		const flaggedBoth = !hasDesignatedList && !!emergency?.alsoOther;
		const kind: ShelterKind =
			(emergency && designated) || flaggedBoth ? 'both' : emergency ? 'emergency_site' : 'shelter';
		// The lowest 共通ID names the place; its own coordinates are used as published.
		const lead = [emergency, designated].filter((e): e is SourceEntry => !!e).sort(byId)[0];
		if (emergency && designated) {
			log.merged_both.push({ id: lead.id, emergency: emergency.id, designated: designated.id });
		}
		// Hazard flags exist only in the 指定緊急避難場所 list; duplicates of it add theirs.
		const flagged = new Set<Hazard>(group.filter((e) => e.list === 'emergency').flatMap((e) => e.hazards));
		const acceptedPeople = uniqueJoin(group.map((e) => e.accepted_people));
		const capacities = group.map((e) => e.capacity).filter((c): c is number => c !== null);
		const record = shelterRecordSchema.parse({
			id: lead.id,
			name: lead.name,
			address: lead.address,
			kind,
			lon: lead.lon,
			lat: lead.lat,
			capacity: capacities.length ? Math.max(...capacities) : null,
			hazards: hazards.filter((hazard) => flagged.has(hazard)),
			// The 共通ID's minor type says 福祉 even where 受入対象者 is empty (e.g. E1321900032121).
			welfare: isWelfare(acceptedPeople) || group.some((e) => isWelfareId(e.id)),
			accepted_people: acceptedPeople,
			inside_city: isInside(lead.lon, lead.lat),
			notes: uniqueJoin(group.map((e) => e.notes)),
			sources: [...new Set(group.map((e) => e.sourceId))].sort()
		});
		if (!record.inside_city) {
			log.outside_city.push({
				id: record.id,
				name: record.name,
				address: record.address,
				source_rows: group.length
			});
		}
		shelters.push(record);
	}

	shelters.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const byName = new Map<string, string[]>();
	for (const shelter of shelters) {
		const key = normalize(shelter.name);
		byName.set(key, [...(byName.get(key) ?? []), shelter.id]);
	}
	for (const [name, ids] of byName) {
		if (ids.length > 1 && new Set(ids.map(facilityKey)).size > 1) log.possible_duplicates.push({ name, ids });
	}
	return { shelters, log };
}
