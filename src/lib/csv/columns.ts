/**
 * The shelter CSV of HQ: the デジタル庁 自治体標準オープンデータセット「指定緊急避難場所一覧」 current layout
 * (exported; the older v1 layout is accepted on import), then our own master and status columns.
 */
import { openDataColumns, openDataHazardColumns } from '../data/opendata-columns.ts';
import type { Hazard } from '../domain/vocabulary.ts';

// The standard layouts live with the open-data importer (src/lib/data/opendata-columns.ts).
export const hazardColumn = (hazard: Hazard) => openDataHazardColumns[hazard];
export const standardColumns = openDataColumns.current;

/** Our master-data columns (read back on import). */
export const extraMasterColumns = [
	'施設区分',
	'受入対象者',
	'福祉避難所',
	'市外',
	'非公開',
	'臨時避難所',
	'出典'
] as const;

/** Our live-status columns (export only: an import never changes status). */
export const statusColumns = [
	'開設状況',
	'混雑度',
	'避難者数',
	'収容率',
	'不足物資',
	'最終報告日時',
	'訓練'
] as const;

export const shelterExportColumns = [...standardColumns, ...extraMasterColumns, ...statusColumns] as const;

export const kindLabels = {
	shelter: '指定避難所',
	emergency_site: '指定緊急避難場所',
	both: '指定避難所・指定緊急避難場所'
} as const;

export const statusLabels = {
	not_opened: '未開設',
	preparing: '開設準備中',
	open: '開設',
	closed: '閉鎖'
} as const;

export const crowdingLabels = {
	vacant: '空いています',
	slightly_crowded: 'やや混雑',
	crowded: '混雑',
	full: '満',
	unknown: '不明'
} as const;

export const reportColumns = [
	'受信日時',
	'報告日時',
	'避難所ID',
	'避難所名',
	'開設状況',
	'混雑度',
	'避難者数',
	'男',
	'女',
	'答えたくない',
	'世帯数',
	'要配慮者数',
	'外部避難者数',
	'不足物資',
	'メモ',
	'訓練',
	'client_id'
] as const;
