/** The report form's state and its rules, without a browser: what the staff screen edits and sends. */
import { reportInputSchema, type ReportInput } from '../domain/report.ts';
import { numberFields, numbersForTotal, type NumberField } from '../domain/report-numbers.ts';
import type { Crowding, Need, ShelterStatus } from '../domain/vocabulary.ts';

export interface ReportDraft {
	status: ShelterStatus | null;
	/** As typed (keypad, stepper or keyboard); empty means "not counted". */
	evacuees: string;
	crowding: Crowding | null;
	needs: Need[];
	note: string;
	/** 男 / 女 / 答えたくない, 世帯数, 要配慮者数, 外部避難者, as typed; empty or absent means "not given". */
	numbers?: Record<NumberField, string>;
}

export type DraftField = 'status' | 'evacuees' | NumberField | 'crowding' | 'needs' | 'note';

/** Fields in screen order (the error summary lists them in this order). */
export const draftFields: DraftField[] = ['status', 'evacuees', ...numberFields, 'crowding', 'needs', 'note'];

export function emptyNumbers(): Record<NumberField, string> {
	return Object.fromEntries(numberFields.map((field) => [field, ''])) as Record<NumberField, string>;
}

export const maxEvacuees = 100_000;
export const maxNote = 500;

export function emptyDraft(): ReportDraft {
	return { status: null, evacuees: '', crowding: null, needs: [], note: '', numbers: emptyNumbers() };
}

export function draftFromReport(report: ReportInput): ReportDraft {
	const draft: ReportDraft = {
		status: report.status,
		evacuees: report.evacuees === null ? '' : String(report.evacuees),
		crowding: report.crowding,
		needs: [...report.needs],
		note: report.note
	};
	// The numbers only when the report has some (the form starts them empty otherwise).
	if (numberFields.some((field) => (report[field] ?? null) !== null)) {
		draft.numbers = Object.fromEntries(
			numberFields.map((field) => [field, (report[field] ?? null) === null ? '' : String(report[field])])
		) as Record<NumberField, string>;
	}
	return draft;
}

/** '' → null (not counted); digits → number; anything else → NaN (invalid). */
export function parseEvacuees(text: string): number | null {
	const trimmed = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
	if (trimmed === '') return null;
	return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The stepper: adds `delta`, clamped to 0 … maxEvacuees; an empty or invalid value counts as 0. */
export function stepEvacuees(text: string, delta: number): string {
	const current = parseEvacuees(text);
	const base = current === null || Number.isNaN(current) ? 0 : current;
	return String(Math.min(maxEvacuees, Math.max(0, base + delta)));
}

export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'back' | 'clear';

/** The on-screen keypad: digits append (no leading zeros, at most 6 digits), back deletes one. */
export function keypadInput(text: string, key: KeypadKey): string {
	if (key === 'clear') return '';
	if (key === 'back') return text.slice(0, -1);
	const next = text === '0' ? key : text + key;
	return next.length > String(maxEvacuees).length ? text : next;
}

/** Message keys (staff.error.*) per field. */
const fieldErrors: Record<DraftField, string> = {
	status: 'staff.error.status',
	evacuees: 'staff.error.evacuees',
	crowding: 'staff.error.crowding',
	needs: 'staff.error.needs',
	note: 'staff.error.note',
	evacuees_male: 'numbers.error.count',
	evacuees_female: 'numbers.error.count',
	evacuees_undisclosed: 'numbers.error.count',
	households: 'numbers.error.count',
	needs_care: 'numbers.error.count',
	external_evacuees: 'numbers.error.count'
};

/** The reasons of the number rules (report-numbers.ts), by problem. */
const problemErrors: Record<string, string> = {
	split_without_total: 'numbers.error.split_without_total',
	split_sum: 'numbers.error.split_sum',
	over_total: 'numbers.error.over_total'
};

/** The numbers that were typed: empty ones are left out (not given). */
function typedNumbers(draft: ReportDraft): Partial<Record<NumberField, number>> {
	const typed: Partial<Record<NumberField, number>> = {};
	for (const field of numberFields) {
		const value = parseEvacuees(draft.numbers?.[field] ?? '');
		if (value !== null) typed[field] = value;
	}
	return typed;
}

export type BuildResult =
	{ ok: true; report: ReportInput } | { ok: false; errors: Partial<Record<DraftField, string>> };

/** Validates the draft with the same schema the server uses; errors are message keys per field. */
export function buildReport(
	draft: ReportDraft,
	context: { shelterId: string; clientId: string; now: Date }
): BuildResult {
	const evacuees = parseEvacuees(draft.evacuees);
	const parsed = reportInputSchema.safeParse({
		client_id: context.clientId,
		shelter_id: context.shelterId,
		status: draft.status ?? undefined,
		evacuees,
		crowding: draft.crowding ?? undefined,
		needs: draft.needs,
		note: draft.note.trim(),
		reported_at: context.now.toISOString(),
		...typedNumbers(draft)
	});
	if (parsed.success) return { ok: true, report: parsed.data };
	const errors: Partial<Record<DraftField, string>> = {};
	for (const issue of parsed.error.issues) {
		const field = issue.path[0];
		if (typeof field === 'string' && field in fieldErrors) {
			const problem = issue.code === 'custom' ? (issue.params?.problem as string | undefined) : undefined;
			errors[field as DraftField] ??= (problem && problemErrors[problem]) || fieldErrors[field as DraftField];
		}
	}
	// Only the draft's fields can be wrong here; anything else is a programming error.
	if (Object.keys(errors).length === 0) throw parsed.error;
	return { ok: false, errors };
}

/**
 * The one-tap reports: "still accurate" repeats the last report (same values, new time, so its age
 * is refreshed); "new headcount" repeats it with another number of evacuees.
 */
export function repeatReport(
	last: ReportInput,
	context: { clientId: string; now: Date; evacuees?: number | null }
): ReportInput {
	// A new total drops the 男/女 split (it would no longer add up) and what would exceed it.
	const base = context.evacuees === undefined ? last : numbersForTotal(last, context.evacuees);
	return reportInputSchema.parse({
		...base,
		client_id: context.clientId,
		reported_at: context.now.toISOString()
	});
}

/** Share of capacity in use (0 … ∞), or null when either number is unknown. */
export function capacityShare(evacuees: number | null, capacity: number | null): number | null {
	if (evacuees === null || Number.isNaN(evacuees) || capacity === null || capacity <= 0) return null;
	return evacuees / capacity;
}

/**
 * 「満員にする」: the last report with crowding 満 (staff judgement), status 開設, new time. Without an
 * earlier report: an open shelter, count unknown.
 */
export function fullReport(
	last: ReportInput | null,
	context: { shelterId: string; clientId: string; now: Date }
): ReportInput {
	const base: ReportInput = last ?? {
		client_id: context.clientId,
		shelter_id: context.shelterId,
		status: 'open',
		evacuees: null,
		crowding: 'full',
		needs: [],
		note: '',
		reported_at: context.now.toISOString()
	};
	return reportInputSchema.parse({
		...base,
		status: 'open',
		crowding: 'full',
		client_id: context.clientId,
		reported_at: context.now.toISOString()
	});
}
