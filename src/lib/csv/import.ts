/**
 * Shelter CSV import: the デジタル庁 current layout (what we export) or the older v1 layout.
 * Validates every row and reports each bad row by its spreadsheet row number (the header is row
 * 1, the first shelter row 2). Nothing here writes: the route writes only when there is no error,
 * in one transaction.
 */
import Papa from 'papaparse';
import { shelterIdPattern, shelterRecordSchema, type ShelterRecord } from '../domain/shelter.ts';
import { hazards, type ShelterKind } from '../domain/vocabulary.ts';
import { parseCapacity } from '../data/capacity.ts';
import { detectLayout, openDataNo, openDataYes } from '../data/opendata-columns.ts';
import { translate } from '../i18n/translate.ts';
import { bom } from './city.ts';
import { commonIdCheck } from './common-id-check.ts';
import { hazardColumn, kindLabels } from './columns.ts';

export interface ImportedShelter extends ShelterRecord {
	hidden: boolean;
	ad_hoc: boolean;
	/** 屋内 / 屋外 places when 想定収容人数 names them (「屋内480人／屋外3,350人」). */
	capacity_indoor?: number | null;
	capacity_outdoor?: number | null;
}

/** What is wrong with a row; the UI words each in five locales (`hq.import.problem.<code>`). */
export type ImportProblem =
	| 'range'
	| 'flag'
	| 'missing'
	| 'integer'
	| 'unknown_value'
	| 'invalid'
	| 'layout'
	| 'too_many'
	| 'parse'
	| 'duplicate'
	| 'id_format'
	| 'common_id_length'
	| 'common_id_char';

export interface RowError {
	/** Spreadsheet row number (header = 1). 1 means the header itself. */
	row: number;
	column: string | null;
	code: ImportProblem;
	values: Record<string, string | number>;
	/** The same in Japanese, for API callers. */
	message: string;
}

function rowError(
	row: number,
	column: string | null,
	code: ImportProblem,
	values: Record<string, string | number> = {}
): RowError {
	const all = { column: column ?? '', ...values };
	return { row, column, code, values: all, message: translate('ja', `hq.import.problem.${code}`, all) };
}

export interface ParsedImport {
	layout: 'current' | 'v1' | null;
	shelters: ImportedShelter[];
	errors: RowError[];
}

/** Upper bound of rows per import (a city has hundreds of shelters, not tens of thousands). */
export const maxImportRows = 5000;

/** Undo papaparse's escapeFormulae prefix ("'" before = + - @ tab CR). */
function unescapeCell(value: string): string {
	return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value.trim();
}

const truthy = new Set([...openDataYes, 'true', 'TRUE', '〇', 'はい', 'yes']);
const falsy = new Set([...openDataNo, 'false', 'FALSE', 'いいえ', 'no']);

function parseFlag(value: string): boolean | null {
	if (truthy.has(value)) return true;
	if (falsy.has(value)) return false;
	return null;
}

function parseKind(label: string, duplicate: boolean): ShelterKind | null {
	if (label === '') return duplicate ? 'both' : 'emergency_site';
	const entry = Object.entries(kindLabels).find(([code, text]) => text === label || code === label);
	return entry ? (entry[0] as ShelterKind) : null;
}

class RowProblem extends Error {
	constructor(
		readonly column: string,
		readonly code: ImportProblem,
		readonly values: Record<string, string | number> = {}
	) {
		super(code);
	}
}

function number(row: Record<string, string>, column: string, min: number, max: number): number {
	const text = row[column] ?? '';
	const value = Number(text);
	if (text === '' || !Number.isFinite(value) || value < min || value > max) {
		throw new RowProblem(column, 'range', { min, max, value: text });
	}
	return value;
}

function flagOf(row: Record<string, string>, column: string): boolean {
	const value = parseFlag(row[column] ?? '');
	if (value === null) throw new RowProblem(column, 'flag', { value: row[column] ?? '' });
	return value;
}

/** A malformed 共通ID is a row error; a well-formed one that says 福祉 makes a 福祉避難所. */
function checkCommonId(shelter: ImportedShelter, column: string): void {
	const check = commonIdCheck(shelter.id);
	if (!check.ok) throw new RowProblem(column, check.code, check.values);
	if (check.welfare) shelter.welfare = true;
}

function rowToShelter(row: Record<string, string>, layout: 'current' | 'v1'): ImportedShelter {
	const id = layout === 'current' ? (row.ID ?? '') : row.NO ? `v1-${row.NO}` : '';
	if (!id) throw new RowProblem(layout === 'current' ? 'ID' : 'NO', 'missing');
	// The id endpoints' rule (issue 18, L5): an id they refuse would make a shelter nobody can edit.
	if (!shelterIdPattern.test(id)) {
		throw new RowProblem(layout === 'current' ? 'ID' : 'NO', 'id_format', { value: id.slice(0, 80) });
	}
	const name = row['名称'] ?? '';
	if (!name) throw new RowProblem('名称', 'missing');
	const address = layout === 'current' ? (row['所在地_連結表記'] ?? '') : (row['住所'] ?? '');
	// 「480」 or 「屋内480人／屋外3,350人」: the single figure is their sum (src/lib/data/capacity.ts).
	const capacityText = row['想定収容人数'] ?? '';
	const parsedCapacity = parseCapacity(capacityText);
	if (parsedCapacity === null || (parsedCapacity && parsedCapacity.total < 1)) {
		throw new RowProblem('想定収容人数', 'range', { min: 1, max: 1_000_000, value: capacityText });
	}
	const capacity = parsedCapacity?.total ?? null;
	const kind = parseKind(row['施設区分'] ?? '', flagOf(row, '指定避難所との重複'));
	if (!kind) throw new RowProblem('施設区分', 'unknown_value', { value: row['施設区分'] ?? '' });
	const candidate: ImportedShelter = {
		id,
		name,
		address,
		kind,
		lat: number(row, '緯度', 20, 46),
		lon: number(row, '経度', 122, 154),
		capacity,
		hazards: hazards.filter((hazard) => flagOf(row, hazardColumn(hazard))),
		welfare: flagOf(row, '福祉避難所'),
		accepted_people: row['受入対象者'] || null,
		inside_city: !flagOf(row, '市外'),
		notes: row['備考'] || null,
		sources: (row['出典'] ?? '').split(/\s+/).filter(Boolean),
		hidden: flagOf(row, '非公開'),
		ad_hoc: flagOf(row, '臨時避難所'),
		// Only when the text names them: a plain figure leaves HQ's structured capacity as it is.
		...(parsedCapacity?.indoor != null || parsedCapacity?.outdoor != null
			? { capacity_indoor: parsedCapacity.indoor, capacity_outdoor: parsedCapacity.outdoor }
			: {})
	};
	checkCommonId(candidate, layout === 'current' ? 'ID' : 'NO');
	const checked = shelterRecordSchema.safeParse(candidate);
	if (!checked.success) {
		const issue = checked.error.issues[0]!;
		throw new RowProblem(String(issue.path[0] ?? ''), 'invalid', {
			detail: `${issue.path.join('.')}: ${issue.message}`
		});
	}
	return candidate;
}

export function parseShelterCsv(text: string): ParsedImport {
	const source = text.startsWith(bom) ? text.slice(1) : text;
	const parsed = Papa.parse<Record<string, string>>(source, {
		header: true,
		skipEmptyLines: 'greedy',
		transformHeader: (header) => header.trim(),
		transform: (value) => unescapeCell(value)
	});
	const fields = parsed.meta.fields ?? [];
	const layout = detectLayout(fields);
	const errors: RowError[] = [];
	if (!layout) {
		return {
			layout,
			shelters: [],
			errors: [rowError(1, null, 'layout')]
		};
	}
	if (parsed.data.length > maxImportRows) {
		errors.push(rowError(1, null, 'too_many', { max: maxImportRows }));
		return { layout, shelters: [], errors };
	}
	for (const problem of parsed.errors) {
		// papaparse counts data rows from 0; the spreadsheet row adds the header.
		errors.push(rowError((problem.row ?? 0) + 2, null, 'parse', { detail: problem.message }));
	}
	const seen = new Map<string, number>();
	const shelters: ImportedShelter[] = [];
	parsed.data.forEach((row, index) => {
		const rowNumber = index + 2;
		if (errors.some((error) => error.row === rowNumber)) return;
		try {
			const shelter = rowToShelter(row, layout);
			const first = seen.get(shelter.id);
			if (first !== undefined) {
				throw new RowProblem(layout === 'current' ? 'ID' : 'NO', 'duplicate', { first });
			}
			seen.set(shelter.id, rowNumber);
			shelters.push(shelter);
		} catch (error) {
			if (!(error instanceof RowProblem)) throw error;
			errors.push(rowError(rowNumber, error.column || null, error.code, error.values));
		}
	});
	errors.sort((a, b) => a.row - b.row);
	return { layout, shelters, errors };
}
