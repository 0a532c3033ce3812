/**
 * The fixed vocabularies of the shelter network. The same codes are used in SQL check constraints
 * (supabase/migrations), the HTTP API, CAP output and the UI message keys (`domain.*`).
 */

/** The 8 hazard types of the GSI designation (same order as the GSI columns). */
export const hazards = [
	'flood',
	'landslide',
	'storm_surge',
	'earthquake',
	'tsunami',
	'large_fire',
	'inland_flood',
	'volcano'
] as const;
export type Hazard = (typeof hazards)[number];

/** GSI column name of each hazard flag. */
export const gsiHazardColumns: Record<Hazard, string> = {
	flood: '洪水',
	landslide: '崖崩れ、土石流及び地滑り',
	storm_surge: '高潮',
	earthquake: '地震',
	tsunami: '津波',
	large_fire: '大規模な火事',
	inland_flood: '内水氾濫',
	volcano: '火山現象'
};

/** 指定避難所 / 指定緊急避難場所 / both. */
export const shelterKinds = ['shelter', 'emergency_site', 'both'] as const;
export type ShelterKind = (typeof shelterKinds)[number];

/** Shelter state: 未開設 / 開設準備中 / 開設 / 閉鎖. */
export const shelterStatuses = ['not_opened', 'preparing', 'open', 'closed'] as const;
export type ShelterStatus = (typeof shelterStatuses)[number];

/** Crowding in VACAN's 4 public steps plus unknown. */
export const crowdingLevels = ['vacant', 'slightly_crowded', 'crowded', 'full', 'unknown'] as const;
export type Crowding = (typeof crowdingLevels)[number];

/** The fixed list of needs a shelter can report. */
export const needs = [
	'water',
	'food',
	'blankets',
	'medical',
	'medicine',
	'toilets',
	'power',
	'baby_supplies',
	'staff',
	'interpreters'
] as const;
export type Need = (typeof needs)[number];

/** 警戒レベル 3 / 4 / 5: 高齢者等避難 / 避難指示 / 緊急安全確保. */
export const alertLevels = [3, 4, 5] as const;
export type AlertLevel = (typeof alertLevels)[number];

/** Crowding suggested by the share of capacity in use (VACAN's public thresholds). */
export function crowdingFromShare(evacuees: number | null, capacity: number | null): Crowding {
	if (evacuees === null || capacity === null || capacity <= 0) return 'unknown';
	const share = evacuees / capacity;
	if (share >= 0.8) return 'full';
	if (share >= 0.6) return 'crowded';
	if (share >= 0.3) return 'slightly_crowded';
	return 'vacant';
}
