/**
 * デジタル庁 指定緊急避難場所一覧 CSV: the real Komae shelters exported to the current layout and
 * read back give the same records; the v1 layout is accepted; bad rows are reported by line.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { insideTest, readBoundary } from '#lib/data/boundary.ts';
import { parseGsiShelters } from '#lib/data/gsi.ts';
import { openDataColumns, shelterToOpenDataRow } from '#lib/data/opendata-columns.ts';
import { decodeCsv, parseOpenDataCsv } from '#lib/data/opendata-csv.ts';
import { mergeShelters } from '#lib/data/shelter-merge.ts';

const komae = resolve(
	process.env.BOSAI_OPEN_DATA_DIR ?? resolve(import.meta.dirname, '../../../shared/data'),
	'komae'
);
const json = (file: string) => JSON.parse(readFileSync(resolve(komae, file), 'utf8'));
const city = { code: '132195', prefecture: '東京都', name: '狛江市' };
const inside = insideTest(readBoundary(json('komae-boundary-n03.geojson')));

function realShelters() {
	const e = parseGsiShelters(json('shelters-emergency-gsi.json'), 'emergency', 'e');
	const d = parseGsiShelters(json('shelters-designated-gsi.json'), 'designated', 'd');
	return mergeShelters([...e.entries, ...d.entries], inside).shelters;
}

describe('open-data CSV importer', () => {
	it('round-trips the real Komae emergency sites through the current layout', () => {
		const original = realShelters().filter((s) => s.kind !== 'shelter');
		expect(original).toHaveLength(26);
		const csv = Papa.unparse(
			original.map((record) => shelterToOpenDataRow(record, city)),
			{
				columns: [...openDataColumns.current]
			}
		);
		const parsed = parseOpenDataCsv(csv, 'export.csv', 'gsi-shelters');
		expect(parsed.rejected).toEqual([]);
		const back = mergeShelters(parsed.entries, inside).shelters;
		// Fields the layout carries come back unchanged; 受入対象者 has no column in this list.
		expect(back).toEqual(original.map((s) => ({ ...s, accepted_people: null, welfare: false })));
	});

	it('reads the older v1 layout', () => {
		const header = openDataColumns.v1.join(',');
		const row = (no: string, name: string, flags: string) =>
			[
				no,
				name,
				'',
				`東京都狛江市${name}1-1`,
				'',
				'35.63',
				'139.57',
				'',
				'',
				'',
				'132195',
				'東京都',
				'狛江市',
				...flags.split(''),
				'1',
				'120',
				'',
				'',
				''
			].join(',');
		const parsed = parseOpenDataCsv(
			[header, row('1', '合成広場', '10010000'), row('2', '合成公園', '01000010')].join('\r\n'),
			'v1.csv'
		);
		expect(parsed.rejected).toEqual([]);
		const shelters = mergeShelters(parsed.entries, () => true).shelters;
		expect(shelters.map((s) => [s.id, s.name, s.kind, s.capacity, s.hazards])).toEqual([
			['132195-1', '合成広場', 'both', 120, ['flood', 'earthquake']],
			['132195-2', '合成公園', 'both', 120, ['landslide', 'inland_flood']]
		]);
	});

	it('reports bad rows with their CSV line numbers (counting quoted line breaks) and skips them', () => {
		const rows = realShelters()
			.filter((s) => s.kind !== 'shelter')
			.slice(0, 4)
			.map((record) => shelterToOpenDataRow(record, city));
		rows[0]['備考'] = '一行目\n二行目'; // a quoted field spanning two lines: row 2 starts on line 4
		rows[1]['緯度'] = '北緯35度';
		rows[2]['災害種別_洪水'] = 'はい';
		rows[3]['名称'] = '';
		const csv = Papa.unparse(rows, { columns: [...openDataColumns.current], newline: '\n' });
		const parsed = parseOpenDataCsv(csv, 'bad.csv');
		expect(parsed.rejected.map((r) => [r.line, r.reason.split(':')[0]])).toEqual([
			[4, 'lat'],
			[5, 'flags.0'],
			[6, 'name']
		]);
		expect(parsed.entries).toHaveLength(1);
		expect(parsed.entries[0]).toMatchObject({ line: 2, notes: '一行目\n二行目' });
	});

	it('rejects a file whose header is neither layout, and decodes Shift_JIS files', () => {
		expect(parseOpenDataCsv('名前,場所\nA,B', 'x.csv').rejected).toEqual([
			{ file: 'x.csv', line: 1, reason: expect.stringContaining('header') }
		]);
		// "名称" in Shift_JIS (bytes written out, so no encoder is needed here).
		expect(decodeCsv(new Uint8Array([0x96, 0xbc, 0x8f, 0xcc]))).toBe('名称');
		expect(decodeCsv(new TextEncoder().encode('\uFEFF名称'))).toBe('名称');
	});
});
