/**
 * HQ's upward report in the item names and value lists of 内閣府 EEI v1.1, item 21 避難所 (one row
 * per shelter, keyed by the 14-character 全国共通避難所・避難場所ID). The JSON form is described by
 * eei-shelters.schema.json (tests validate it with ajv); the CSV has the same columns.
 * Item list: ../shared/data/README.md (read from a crosswalk; check the 内閣府 PDF before relying
 * on spellings). 定員状況's value list (空きあり / 満員 / 不明) is ours: the source names the item only.
 */
import { capTime } from '../cap/time.ts';
import { parseCommonId } from '../data/common-id.ts';
import type { Need } from '../domain/vocabulary.ts';
import type { CapacityState, HqShelter } from '../hq/types.ts';
import { translate } from '../i18n/translate.ts';

export const eeiOpenStates = ['未開設', '開設', '閉鎖', '不明', '常設'] as const;
export type EeiOpenState = (typeof eeiOpenStates)[number];
export const eeiCapacityStates = ['空きあり', '満員', '不明'] as const;
export type EeiCapacityState = (typeof eeiCapacityStates)[number];

/** The columns, in order (CSV header = JSON keys). */
export const eeiColumns = [
	'全国共通避難所・避難場所ID',
	'地方公共団体コード',
	'施設ID',
	'施設名',
	'避難所タイプ',
	'想定収容人数',
	'開設状況',
	'避難者数_総数',
	'避難者数_男',
	'避難者数_女',
	'開設日時',
	'閉鎖日時',
	'定員状況',
	'支援が必要な物資',
	'必要な人的支援',
	'更新日時',
	'訓練'
] as const;

export interface EeiShelterRow {
	/** null for a shelter without one (臨時避難所 or the older layout's ids). */
	'全国共通避難所・避難場所ID': string | null;
	地方公共団体コード: string;
	施設ID: string;
	施設名: string;
	避難所タイプ: '一般' | '福祉';
	想定収容人数: number | null;
	開設状況: EeiOpenState;
	避難者数_総数: number | null;
	避難者数_男: number | null;
	避難者数_女: number | null;
	開設日時: string | null;
	閉鎖日時: string | null;
	定員状況: EeiCapacityState;
	支援が必要な物資: string[];
	必要な人的支援: string[];
	更新日時: string | null;
	訓練: boolean;
}

export interface EeiShelterExport {
	dataset: string;
	generated_at: string;
	shelters: EeiShelterRow[];
}

/** Needs that are people, not goods (EEI 必要な人的支援). */
const humanNeeds: ReadonlySet<Need> = new Set<Need>(['staff', 'interpreters']);

/**
 * Our status → EEI 開設状況. Anything not open or closed (未開設, 開設準備中, an order not yet
 * acknowledged — 'requested' — or no report at all) is 未開設.
 */
export function eeiOpenState(status: string | null | undefined): EeiOpenState {
	if (status === 'open') return '開設';
	if (status === 'closed') return '閉鎖';
	return '未開設';
}

const capacityStates: Record<CapacityState, EeiCapacityState> = {
	available: '空きあり',
	full: '満員',
	unknown: '不明'
};

/** ISO 8601 in 日本標準時 (+09:00, whole seconds: the CAP time format), or null. */
export function jstIso(value: string | null | undefined): string | null {
	if (!value || Number.isNaN(Date.parse(value))) return null;
	return capTime(value);
}

function commonIdOf(id: string): string | null {
	return parseCommonId(id).ok ? id : null;
}

export function eeiRow(shelter: HqShelter, cityCode: string): EeiShelterRow {
	const status = shelter.status;
	const needs = status?.needs ?? [];
	const label = (need: Need) => translate('ja', `domain.need.${need}`);
	return {
		'全国共通避難所・避難場所ID': commonIdOf(shelter.id),
		地方公共団体コード: cityCode,
		施設ID: shelter.id,
		施設名: shelter.name,
		避難所タイプ: shelter.welfare ? '福祉' : '一般',
		想定収容人数: shelter.capacity_indoor ?? shelter.capacity ?? null,
		開設状況: eeiOpenState(status?.status),
		避難者数_総数: status?.evacuees ?? null,
		避難者数_男: status?.evacuees_male ?? null,
		避難者数_女: status?.evacuees_female ?? null,
		開設日時: jstIso(status?.opened_at),
		閉鎖日時: jstIso(status?.closed_at),
		定員状況: capacityStates[status?.capacity_state ?? 'unknown'],
		支援が必要な物資: needs.filter((need) => !humanNeeds.has(need)).map(label),
		必要な人的支援: needs.filter((need) => humanNeeds.has(need)).map(label),
		更新日時: jstIso(status?.updated_at),
		訓練: status?.drill ?? false
	};
}

export function eeiExport(shelters: readonly HqShelter[], cityCode: string, now: Date): EeiShelterExport {
	return {
		dataset: '内閣府 EEI v1.1 21 避難所',
		generated_at: jstIso(now.toISOString())!,
		shelters: shelters.map((shelter) => eeiRow(shelter, cityCode))
	};
}

/** One CSV cell per column: lists joined with 、, booleans 1 / empty, unknown empty. */
export function eeiCsvRecord(row: EeiShelterRow): Record<string, string> {
	const cell = (value: unknown): string => {
		if (value === null || value === undefined || value === false) return '';
		if (value === true) return '1';
		if (Array.isArray(value)) return value.join('、');
		return String(value);
	};
	return Object.fromEntries(eeiColumns.map((column) => [column, cell(row[column])]));
}
