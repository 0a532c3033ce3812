/**
 * Column layouts of the デジタル庁 自治体標準オープンデータセット「指定緊急避難場所一覧」.
 * One place for both variants, shared by our importer and the HQ exporter:
 *  - `current`: the 自治体標準オープンデータセット layout (exported by us),
 *  - `v1`: the older 推奨データセット v1 layout (accepted on import).
 */
import { hazards, type Hazard } from '#lib/domain/vocabulary.ts';
import type { ShelterRecord } from '#lib/domain/shelter.ts';

/** 災害種別_* column of each hazard (same order as the GSI flags). */
export const openDataHazardColumns: Record<Hazard, string> = {
	flood: '災害種別_洪水',
	landslide: '災害種別_崖崩れ、土石流及び地滑り',
	storm_surge: '災害種別_高潮',
	earthquake: '災害種別_地震',
	tsunami: '災害種別_津波',
	large_fire: '災害種別_大規模な火事',
	inland_flood: '災害種別_内水氾濫',
	volcano: '災害種別_火山現象'
};

const hazardColumnList = hazards.map((hazard) => openDataHazardColumns[hazard]);

export const openDataColumns = {
	current: [
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
		...hazardColumnList,
		'指定避難所との重複',
		'想定収容人数',
		'対象となる町会・自治会',
		'URL',
		'画像',
		'画像_ライセンス',
		'備考'
	],
	v1: [
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
		...hazardColumnList,
		'指定避難所との重複',
		'想定収容人数',
		'対象となる町会・自治会',
		'URL',
		'備考'
	]
} as const;
export type OpenDataLayout = keyof typeof openDataColumns;

/** Which layout a header row is: every column of the layout must be present. */
export function detectLayout(header: string[]): OpenDataLayout | null {
	const names = new Set(header.map((name) => name.trim()));
	if (openDataColumns.current.every((column) => names.has(column))) return 'current';
	if (openDataColumns.v1.every((column) => names.has(column))) return 'v1';
	return null;
}

/** Values that mean "yes" in a 災害種別 / 重複 column; an empty cell or 0 means no. */
export const openDataYes = ['1', '○', '◯', '有', 'あり'];
export const openDataNo = ['', '0', '×', '無', 'なし'];

export interface CityIdentity {
	/** 全国地方公共団体コード with check digit. */
	code: string;
	prefecture: string;
	name: string;
}

/**
 * One shelter as a row of the current layout (an emergency-site list holds the records of kind
 * `emergency_site` and `both`). Columns we have no data for stay empty.
 */
export function shelterToOpenDataRow(record: ShelterRecord, city: CityIdentity): Record<string, string> {
	const row: Record<string, string> = Object.fromEntries(
		openDataColumns.current.map((column) => [column, ''])
	);
	row['全国地方公共団体コード'] = city.code;
	row['ID'] = record.id;
	row['名称'] = record.name;
	row['所在地_連結表記'] = record.address;
	row['所在地_都道府県'] = city.prefecture;
	row['所在地_市区町村'] = city.name;
	row['緯度'] = String(record.lat);
	row['経度'] = String(record.lon);
	row['市区町村コード'] = city.code;
	row['地方公共団体名'] = `${city.prefecture}${city.name}`;
	for (const hazard of hazards)
		row[openDataHazardColumns[hazard]] = record.hazards.includes(hazard) ? '1' : '';
	row['指定避難所との重複'] = record.kind === 'both' ? '1' : '';
	row['想定収容人数'] = record.capacity === null ? '' : String(record.capacity);
	row['備考'] = record.notes ?? '';
	return row;
}
