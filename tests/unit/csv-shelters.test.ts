/** Shelter CSV: デジタル庁 layout export, row-by-row validated import, round trip. Synthetic rows. */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { komae } from '#lib/csv/city.ts';
import { shelterExportColumns, standardColumns } from '#lib/csv/columns.ts';
import { reportsCsv, sheltersCsv, sheltersGeoJson } from '#lib/csv/export.ts';
import { parseShelterCsv } from '#lib/csv/import.ts';
import type { HqShelter } from '#lib/hq/types.ts';

const synthetic: HqShelter[] = [
	{
		id: 'synthetic-1',
		name: '=SUM(A1) 合成テスト小学校, "体育館"',
		address: '東京都狛江市テスト町1-2-3',
		kind: 'both',
		lon: 139.578123,
		lat: 35.634567,
		capacity: 400,
		hazards: ['flood', 'earthquake', 'inland_flood'],
		welfare: false,
		accepted_people: null,
		inside_city: true,
		notes: '改行\nを含む備考',
		sources: ['gsi-emergency', 'gsi-designated'],
		hidden: false,
		ad_hoc: false,
		status: {
			status: 'open',
			crowding: 'slightly_crowded',
			evacuees: 150,
			needs: ['water', 'blankets'],
			note: '',
			reported_at: '2026-11-25T03:00:00Z',
			updated_at: '2026-11-25T03:00:01Z',
			drill: false
		}
	},
	{
		id: 'synthetic-2',
		name: '合成テスト臨時避難所',
		address: '',
		kind: 'shelter',
		lon: 139.59,
		lat: 35.62,
		capacity: null,
		hazards: [],
		welfare: true,
		accepted_people: '要配慮者',
		inside_city: false,
		notes: null,
		sources: [],
		hidden: true,
		ad_hoc: true,
		status: null
	}
];

describe('shelter CSV export', () => {
	const csv = sheltersCsv(synthetic, komae);

	it('is UTF-8 with BOM, CRLF, the current デジタル庁 columns first then ours', () => {
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv).toContain('\r\n');
		const header = Papa.parse<string[]>(csv.slice(1)).data[0]!;
		expect(header).toEqual([...shelterExportColumns]);
		expect(header.slice(0, standardColumns.length)).toEqual([...standardColumns]);
		expect(standardColumns).toHaveLength(39);
	});

	it('writes values in the standard meaning', () => {
		const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true }).data;
		const first = rows[0]!;
		expect(first['全国地方公共団体コード']).toBe('132195');
		expect(first['所在地_都道府県']).toBe('東京都');
		expect(first['所在地_市区町村']).toBe('狛江市');
		expect(first['所在地_番地以下']).toBe('テスト町1-2-3');
		expect(first['災害種別_洪水']).toBe('1');
		expect(first['災害種別_高潮']).toBe('');
		expect(first['指定避難所との重複']).toBe('1');
		expect(first['想定収容人数']).toBe('400');
		expect(first['開設状況']).toBe('開設');
		expect(first['収容率']).toBe('38%');
		expect(first['不足物資']).toBe('水、毛布');
		// A formula-like cell is defused for spreadsheets
		expect(first['名称']!.startsWith("'=")).toBe(true);
		expect(rows[1]!['想定収容人数']).toBe('');
		expect(rows[1]!['非公開']).toBe('1');
	});

	it('round-trips through the importer to the same shelters', () => {
		const parsed = parseShelterCsv(csv);
		expect(parsed.errors).toEqual([]);
		expect(parsed.layout).toBe('current');
		expect(parsed.shelters).toEqual(synthetic.map(({ status: _status, ...rest }) => rest));
	});

	it('GeoJSON keeps every shelter with status and capacity share', () => {
		const geo = sheltersGeoJson(synthetic, '2026-11-25T00:00:00Z');
		expect(geo.features).toHaveLength(2);
		expect(geo.features[0]!.geometry.coordinates).toEqual([139.578123, 35.634567]);
		expect(geo.features[0]!.properties.capacity_share).toBe(38);
		expect(geo.features[1]!.properties.capacity_share).toBeNull();
	});
});

describe('shelter CSV import validation', () => {
	const good = sheltersCsv(synthetic, komae);

	it('reports every bad row by its spreadsheet row number and keeps none of it', () => {
		const rows = Papa.parse<string[]>(good.slice(1)).data.filter((r) => r.length > 1);
		const header = rows[0]!;
		const lat = header.indexOf('緯度');
		const cap = header.indexOf('想定収容人数');
		const bad1 = [...rows[1]!];
		bad1[lat] = '北緯35度';
		const bad2 = [...rows[2]!];
		bad2[cap] = '-5';
		const dup = [...rows[1]!];
		const text = Papa.unparse([header, rows[1]!, bad1, bad2, dup]);
		const parsed = parseShelterCsv(text);
		expect(parsed.errors.map((e) => [e.row, e.column, e.code])).toEqual([
			[3, '緯度', 'range'],
			[4, '想定収容人数', 'range'],
			[5, 'ID', 'duplicate']
		]);
		expect(parsed.errors[0]!.message).toBe('緯度：20〜46 の数値が必要です（"北緯35度"）');
		expect(parsed.errors[2]!.values).toMatchObject({ first: 2 });
		expect(parsed.shelters).toHaveLength(1);
	});

	it('refuses ids the id endpoints refuse, row by row (issue 18, L5: markup, paths, spaces, #)', () => {
		const rows = Papa.parse<string[]>(good.slice(1)).data.filter((r) => r.length > 1);
		const header = rows[0]!;
		const idColumn = header.indexOf('ID');
		const bad = ['<img src=x onerror=alert(1)>', '../../etc/passwd', 'synthetic id', 'synthetic#1'];
		const withIds = bad.map((id) => rows[1]!.map((cell, i) => (i === idColumn ? id : cell)));
		const parsed = parseShelterCsv(Papa.unparse([header, rows[2]!, ...withIds]));
		expect(parsed.errors.map((e) => [e.row, e.column, e.code, e.values.value])).toEqual(
			bad.map((id, i) => [i + 3, 'ID', 'id_format', id])
		);
		expect(parsed.errors[0]!.message).toContain('ID に使えない文字があります');
		expect(parsed.shelters.map((s) => s.id)).toEqual([rows[2]![idColumn]]);
	});

	it('lists each malformed 共通ID with its row number and derives 福祉避難所 from a well-formed one', () => {
		const rows = Papa.parse<string[]>(good.slice(1)).data.filter((r) => r.length > 1);
		const header = rows[0]!;
		const id = header.indexOf('ID');
		const welfare = header.indexOf('福祉避難所');
		const withId = (row: string[], value: string, welfareFlag?: string) => {
			const copy = [...row];
			copy[id] = value;
			if (welfareFlag !== undefined) copy[welfare] = welfareFlag;
			return copy;
		};
		const text = Papa.unparse([
			header,
			withId(rows[1]!, 'E1321900032121', ''), // 福祉 by its id, the column left empty
			withId(rows[2]!, 'E132190003212'), // 13 characters
			withId(rows[1]!, 'E1321900032301'), // major type 3
			withId(rows[2]!, 'adhoc-synthetic-1') // the city's own id: not a 共通ID, accepted
		]);
		const parsed = parseShelterCsv(text);
		expect(parsed.errors.map((e) => [e.row, e.column, e.code, e.values.position ?? null])).toEqual([
			[3, 'ID', 'common_id_length', null],
			[4, 'ID', 'common_id_char', 12]
		]);
		expect(parsed.errors[1]!.message).toBe('共通ID「E1321900032301」の 12 文字目が正しくありません');
		expect(parsed.shelters.map((s) => [s.id, s.welfare])).toEqual([
			['E1321900032121', true],
			['adhoc-synthetic-1', true]
		]);
	});

	it('refuses a file without the layout columns', () => {
		const parsed = parseShelterCsv('a,b\n1,2\n');
		expect(parsed.layout).toBeNull();
		expect(parsed.errors[0]!.row).toBe(1);
	});

	it('accepts the older 推奨データセット v1 layout', () => {
		const v1 = [
			'NO,名称,名称_カナ,住所,方書,緯度,経度,標高,電話番号,内線番号,市区町村コード,都道府県名,市区町村名,災害種別_洪水,災害種別_崖崩れ、土石流及び地滑り,災害種別_高潮,災害種別_地震,災害種別_津波,災害種別_大規模な火事,災害種別_内水氾濫,災害種別_火山現象,指定避難所との重複,想定収容人数,対象となる町会・自治会,URL,備考',
			'7,合成テスト公園,,東京都狛江市テスト町9,,35.63,139.58,,,,132195,東京都,狛江市,1,,,1,,1,,,,,,,'
		].join('\n');
		const parsed = parseShelterCsv(v1);
		expect(parsed.errors).toEqual([]);
		expect(parsed.layout).toBe('v1');
		expect(parsed.shelters[0]).toMatchObject({
			id: 'v1-7',
			name: '合成テスト公園',
			kind: 'emergency_site',
			hazards: ['flood', 'earthquake', 'large_fire'],
			capacity: null
		});
	});
});

describe('reports CSV', () => {
	it('has a BOM and one row per report with the shelter name', () => {
		const csv = reportsCsv(
			[
				{
					id: 1,
					client_id: '11111111-1111-4111-8111-111111111111',
					shelter_id: 'synthetic-1',
					status: 'open',
					evacuees: null,
					crowding: 'unknown',
					needs: [],
					note: '@note',
					reported_at: '2026-11-25T03:00:00Z',
					received_at: '2026-11-25T03:00:02Z',
					reporter: null,
					drill: true
				}
			],
			new Map([['synthetic-1', '合成テスト']])
		);
		expect(csv.startsWith('\uFEFF受信日時,')).toBe(true);
		const row = Papa.parse<Record<string, string>>(csv.slice(1), { header: true }).data[0]!;
		expect(row).toMatchObject({
			避難所名: '合成テスト',
			混雑度: '不明',
			避難者数: '',
			訓練: '1',
			メモ: "'@note"
		});
	});
});
