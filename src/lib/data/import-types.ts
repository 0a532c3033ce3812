import type { Hazard } from '#lib/domain/vocabulary.ts';

/** Which list a source row came from: 指定緊急避難場所 or 指定避難所. */
export type ListKind = 'emergency' | 'designated';

/**
 * One validated row of a shelter source, before merging. `line` is where a human finds the row
 * again: the CSV line number, or the 1-based feature number of a GeoJSON file.
 */
export interface SourceEntry {
	list: ListKind;
	sourceId: string;
	file: string;
	line: number;
	id: string;
	name: string;
	address: string;
	lon: number;
	lat: number;
	hazards: Hazard[];
	/** The source says the other list has the same place (住所同一 / 重複). */
	alsoOther: boolean;
	accepted_people: string | null;
	capacity: number | null;
	notes: string | null;
}

/** A row that failed validation: reported with its line, never silently changed. */
export interface RejectedRow {
	file: string;
	line: number;
	reason: string;
}

export interface ParseResult {
	entries: SourceEntry[];
	rejected: RejectedRow[];
}

/** Turns a zod error into one short line for the import log. */
export function describeIssues(issues: { path: PropertyKey[]; message: string }[]): string {
	return issues.map((issue) => `${issue.path.map(String).join('.') || 'row'}: ${issue.message}`).join('; ');
}

/** Empty strings and null mean "not given" in every source we read. */
export function blankToNull(value: string | null | undefined): string | null {
	if (value === null || value === undefined) return null;
	const trimmed = value.trim();
	return trimmed === '' ? null : trimmed;
}
