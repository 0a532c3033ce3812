/**
 * Column layout of the デジタル庁 自治体標準オープンデータセット「指定緊急避難場所一覧」 (current) and the
 * older 推奨データセット v1 variant (../shared/data/README.md), plus our own columns. We export the
 * current layout and accept both on import.
 */
import { gsiHazardColumns, hazards, type Hazard } from '../domain/vocabulary.ts';

export const hazardColumn = (hazard: Hazard) => `災害種別_${gsiHazardColumns[hazard]}`;

export const standardColumns = [
	'全国地方公共団体コード',
	'ID',
	'名称',
	'名称_カナ',
	'名称_英字',
	'所在地_全国地方公共団体コード',
	'町字ID',
	'所在地_連結表記',
	'所在地_都道府県',
	'所在地_市区町村',
	'所在地_町字',
	'所在地_番地以下',
	'建物名等(方書)',
	'緯度',
	'経度',
	'標高',
	'電話番号',
	'内線番号',
	'連絡先メールアドレス',
	'連絡先FormURL',
	'連絡先備考（その他、SNSなど）',
	'郵便番号',
	'市区町村コード',
	'地方公共団体名',
	...hazards.map(hazardColumn),
	'指定避難所との重複',
	'想定収容人数',
	'対象となる町会・自治会',
	'URL',
	'画像',
	'画像_ライセンス',
	'備考'
] as const;

export const v1Columns = [
	'NO',
	'名称',
	'名称_カナ',
	'住所',
	'方書',
	'緯度',
	'経度',
	'標高',
	'電話番号',
	'内線番号',
	'市区町村コード',
	'都道府県名',
	'市区町村名',
	...hazards.map(hazardColumn),
	'指定避難所との重複',
	'想定収容人数',
	'対象となる町会・自治会',
	'URL',
	'備考'
] as const;

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
	'不足物資',
	'メモ',
	'訓練',
	'client_id'
] as const;
