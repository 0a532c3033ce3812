/**
 * Importer for the デジタル庁 指定緊急避難場所一覧 CSV (current and v1 layouts, see
 * opendata-columns.ts). Every row is validated; a bad row is reported with its line number.
 */
import Papa from 'papaparse';
import { z } from '#lib/zod.ts';
import { parseCapacity } from './capacity.ts';
import { hazards } from '#lib/domain/vocabulary.ts';
import { detectLayout, openDataHazardColumns, openDataNo, openDataYes } from './opendata-columns.ts';
import { blankToNull, describeIssues, type ParseResult, type SourceEntry } from './import-types.ts';

/** CSV files come as UTF-8 (with or without BOM) or, from older systems, Shift_JIS. */
export function decodeCsv(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
	} catch {
		return new TextDecoder('shift_jis').decode(bytes);
	}
}

const yesNo = z
	.string()
	.transform((value) => value.trim())
	.refine((value) => openDataYes.includes(value) || openDataNo.includes(value), 'expected 1 or empty')
	.transform((value) => openDataYes.includes(value));

const number = (min: number, max: number) =>
	z
		.string()
		.trim()
		.regex(/^-?\d+(\.\d+)?$/, 'not a number')
		.transform(Number)
		.pipe(z.number().min(min).max(max));

const rowSchema = z.object({
	id: z.string().trim().min(1, 'empty ID').max(64),
	name: z.string().trim().min(1, 'empty 名称').max(200),
	address: z.string().trim().max(300),
	lat: number(-90, 90),
	lon: number(-180, 180),
	// 「480」 or 「屋内480人／屋外3,350人」 (src/lib/data/capacity.ts); the single figure is their sum.
	capacity: z
		.string()
		.transform((value) => parseCapacity(value))
		.refine((value) => value !== null, 'not a capacity (a number, or 屋内…人／屋外…人)')
		.transform((value) => (value && value.total > 0 ? value.total : null)),
	flags: z.array(yesNo),
	both: yesNo,
	notes: z.string()
});

/** Splits the CSV into rows with the line number where each row starts. */
function rowsWithLines(text: string): { cells: string[]; line: number }[] {
	const rows: { cells: string[]; line: number }[] = [];
	let start = 0;
	let line = 1;
	Papa.parse<string[]>(text, {
		header: false,
		skipEmptyLines: false,
		step: (result) => {
			const end = result.meta.cursor;
			rows.push({ cells: result.data, line });
			for (let i = start; i < end && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
			start = end;
		}
	});
	return rows.filter((row) => !(row.cells.length === 1 && row.cells[0].trim() === ''));
}

export function parseOpenDataCsv(text: string, file: string, sourceId = 'opendata-csv'): ParseResult {
	const result: ParseResult = { entries: [], rejected: [] };
	const [header, ...rows] = rowsWithLines(text.replace(/^\uFEFF/, ''));
	const layout = header ? detectLayout(header.cells) : null;
	if (!header || !layout) {
		result.rejected.push({
			file,
			line: 1,
			reason: 'header is neither the current nor the v1 指定緊急避難場所一覧 layout'
		});
		return result;
	}
	const index = new Map(header.cells.map((name, i) => [name.trim(), i]));
	for (const { cells, line } of rows) {
		if (cells.length !== header.cells.length) {
			result.rejected.push({
				file,
				line,
				reason: `expected ${header.cells.length} columns, found ${cells.length}`
			});
			continue;
		}
		const get = (column: string) => cells[index.get(column) ?? -1] ?? '';
		const address =
			layout === 'current'
				? get('所在地_連結表記') ||
					[get('所在地_都道府県'), get('所在地_市区町村'), get('所在地_町字'), get('所在地_番地以下')].join(
						''
					)
				: get('住所');
		const parsed = rowSchema.safeParse({
			id: layout === 'current' ? get('ID') : `${get('市区町村コード')}-${get('NO')}`,
			name: get('名称'),
			address,
			lat: get('緯度'),
			lon: get('経度'),
			capacity: get('想定収容人数'),
			flags: hazards.map((hazard) => get(openDataHazardColumns[hazard])),
			both: get('指定避難所との重複'),
			notes: get('備考')
		});
		if (!parsed.success) {
			result.rejected.push({ file, line, reason: describeIssues(parsed.error.issues) });
			continue;
		}
		const row = parsed.data;
		const entry: SourceEntry = {
			list: 'emergency',
			sourceId,
			file,
			line,
			id: row.id,
			name: row.name,
			address: row.address,
			lon: row.lon,
			lat: row.lat,
			hazards: hazards.filter((_, i) => row.flags[i]),
			alsoOther: row.both,
			accepted_people: null,
			capacity: row.capacity,
			notes: blankToNull(row.notes)
		};
		result.entries.push(entry);
	}
	return result;
}
