/**
 * The public live feed of shelter status (GET /api/open/shelter-status.{json,csv}) and the daily
 * history (GET /api/open/shelter-status-history.csv): public fields only, no personal data, in
 * EEI's words (開設状況, 定員状況) so others can join them on the 全国共通避難所・避難場所ID.
 */
import { capTime } from '../cap/time.ts';
import { parseCommonId } from '../data/common-id.ts';
import { eeiOpenState, type EeiCapacityState, type EeiOpenState } from '../eei/eei-shelters.ts';
import type { CapacityState } from '../hq/types.ts';
import { crowdingLabels } from '../csv/columns.ts';
import type { Crowding, ShelterStatus } from '../domain/vocabulary.ts';

export const openLicence = 'CC BY 4.0';
export const openLicenceUrl = 'https://creativecommons.org/licenses/by/4.0/';

/** The keys of one feed row: exactly these leave the server. */
export const openStatusKeys = ['id', '共通ID', 'name', '開設状況', '定員状況', 'updated_at', '訓練'] as const;

export interface OpenStatusRow {
	/** The city's shelter id (as on the public map). */
	id: string;
	/** 全国共通避難所・避難場所ID; null for a shelter without one (臨時避難所). */
	共通ID: string | null;
	name: string;
	開設状況: EeiOpenState;
	定員状況: EeiCapacityState;
	/** Server time of the status shown; null before any report. */
	updated_at: string | null;
	/** A status set during a drill (訓練), not a real opening. */
	訓練: boolean;
}

/** What open_shelter_status() (SQL) answers per visible shelter. */
export interface OpenStatusSource {
	id: string;
	name: string;
	status: ShelterStatus | null;
	capacity_state: CapacityState;
	updated_at: string | null;
	drill: boolean;
}

export interface OpenStatusFeed {
	licence: string;
	licence_url: string;
	source: string;
	generated_at: string;
	shelters: OpenStatusRow[];
}

const capacityWords: Record<CapacityState, EeiCapacityState> = {
	available: '空きあり',
	full: '満員',
	unknown: '不明'
};

function iso(value: string | null): string | null {
	return value === null ? null : new Date(value).toISOString();
}

export function openStatusRow(source: OpenStatusSource): OpenStatusRow {
	return {
		id: source.id,
		共通ID: parseCommonId(source.id).ok ? source.id : null,
		name: source.name,
		開設状況: eeiOpenState(source.status),
		定員状況: capacityWords[source.capacity_state] ?? '不明',
		updated_at: iso(source.updated_at),
		訓練: source.drill
	};
}

/** The publisher named in every answer (payload, or a header for the CSV). */
export function openSource(city: { prefecture: string; name: string }): string {
	return `${city.prefecture}${city.name} 災害対策本部（bosai-map）`;
}

export function openStatusFeed(
	sources: readonly OpenStatusSource[],
	city: { prefecture: string; name: string },
	now: Date
): OpenStatusFeed {
	return {
		licence: openLicence,
		licence_url: openLicenceUrl,
		source: openSource(city),
		generated_at: now.toISOString(),
		shelters: sources.map(openStatusRow)
	};
}

export const openStatusCsvColumns = [
	'施設ID',
	'共通ID',
	'名称',
	'開設状況',
	'定員状況',
	'更新日時',
	'訓練'
] as const;

export function openStatusCsvRecord(row: OpenStatusRow): Record<string, string> {
	return {
		施設ID: row.id,
		共通ID: row.共通ID ?? '',
		名称: row.name,
		開設状況: row.開設状況,
		定員状況: row.定員状況,
		更新日時: row.updated_at ?? '',
		訓練: row.訓練 ? '1' : ''
	};
}

/** One status change of the day, as open_status_history() (SQL) answers it. */
export interface OpenHistorySource {
	id: string;
	name: string;
	status: ShelterStatus;
	crowding: Crowding;
	received_at: string;
	drill: boolean;
}

export const openHistoryCsvColumns = [
	'受信日時',
	'施設ID',
	'共通ID',
	'名称',
	'開設状況',
	'混雑度',
	'訓練'
] as const;

export function openHistoryCsvRecord(entry: OpenHistorySource): Record<string, string> {
	return {
		受信日時: new Date(entry.received_at).toISOString(),
		施設ID: entry.id,
		共通ID: parseCommonId(entry.id).ok ? entry.id : '',
		名称: entry.name,
		開設状況: eeiOpenState(entry.status),
		混雑度: crowdingLabels[entry.crowding],
		訓練: entry.drill ? '1' : ''
	};
}

/** `?date=YYYY-MM-DD` (a real calendar day), or today in 日本標準時 when absent; undefined if bad. */
export function historyDay(param: string | null, now: Date): string | undefined {
	if (param === null) return capTime(now).slice(0, 10);
	if (!/^\d{4}-\d{2}-\d{2}$/.test(param)) return undefined;
	const day = new Date(`${param}T00:00:00Z`);
	return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === param ? param : undefined;
}
