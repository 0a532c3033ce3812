/**
 * The numbers a report may carry besides the total (issue 16) and their rules. The same rules are
 * check constraints on public.shelter_reports (supabase/migrations/20261205110000_report_numbers.sql);
 * here they give the staff form and the API a reason to show before anything is sent.
 */

/** 男 / 女 / 答えたくない: when any is given, the total is required and they add up to it. */
export const splitFields = ['evacuees_male', 'evacuees_female', 'evacuees_undisclosed'] as const;
/** 世帯数, 要配慮者数 (at most the total), 外部避難者 (在宅・車中泊, not part of the total). */
export const extraFields = ['households', 'needs_care', 'external_evacuees'] as const;
export const numberFields = [...splitFields, ...extraFields] as const;
export type NumberField = (typeof numberFields)[number];

export type ReportNumbers = { evacuees: number | null } & Partial<Record<NumberField, number | null>>;

export type NumbersProblem = 'split_without_total' | 'split_sum' | 'over_total';

export interface NumbersIssue {
	field: NumberField;
	problem: NumbersProblem;
}

const given = (value: number | null | undefined): value is number => value !== null && value !== undefined;

/** Every broken rule, with the field to point at (the first split field given, for the split). */
export function numbersIssues(report: ReportNumbers): NumbersIssue[] {
	const issues: NumbersIssue[] = [];
	const split = splitFields.filter((field) => given(report[field]));
	if (split.length > 0) {
		if (!given(report.evacuees)) issues.push({ field: split[0], problem: 'split_without_total' });
		else {
			const sum = split.reduce((total, field) => total + (report[field] ?? 0), 0);
			if (sum !== report.evacuees) issues.push({ field: split[0], problem: 'split_sum' });
		}
	}
	for (const field of ['households', 'needs_care'] as const) {
		const value = report[field];
		if (given(value) && given(report.evacuees) && value > report.evacuees) {
			issues.push({ field, problem: 'over_total' });
		}
	}
	return issues;
}

/** The numbers that still hold when the total changes (a one-tap new headcount keeps the rest). */
export function numbersForTotal<T extends ReportNumbers>(report: T, evacuees: number | null): T {
	const next = { ...report, evacuees };
	for (const field of splitFields) delete next[field];
	for (const field of ['households', 'needs_care'] as const) {
		const value = next[field];
		if (given(value) && (evacuees === null || value > evacuees)) delete next[field];
	}
	return next;
}
