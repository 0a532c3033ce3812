/** The report form's state and its rules, without a browser: what the staff screen edits and sends. */
import { reportInputSchema, type ReportInput } from '../domain/report.ts';
import type { Crowding, Need, ShelterStatus } from '../domain/vocabulary.ts';

export interface ReportDraft {
	status: ShelterStatus | null;
	/** As typed (keypad, stepper or keyboard); empty means "not counted". */
	evacuees: string;
	crowding: Crowding | null;
	needs: Need[];
	note: string;
}

export type DraftField = 'status' | 'evacuees' | 'crowding' | 'needs' | 'note';

/** Fields in screen order (the error summary lists them in this order). */
export const draftFields: DraftField[] = ['status', 'evacuees', 'crowding', 'needs', 'note'];

export const maxEvacuees = 100_000;
export const maxNote = 500;

export function emptyDraft(): ReportDraft {
	return { status: null, evacuees: '', crowding: null, needs: [], note: '' };
}

export function draftFromReport(report: ReportInput): ReportDraft {
	return {
		status: report.status,
		evacuees: report.evacuees === null ? '' : String(report.evacuees),
		crowding: report.crowding,
		needs: [...report.needs],
		note: report.note
	};
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
	note: 'staff.error.note'
};

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
		reported_at: context.now.toISOString()
	});
	if (parsed.success) return { ok: true, report: parsed.data };
	const errors: Partial<Record<DraftField, string>> = {};
	for (const issue of parsed.error.issues) {
		const field = issue.path[0];
		if (typeof field === 'string' && field in fieldErrors) {
			errors[field as DraftField] ??= fieldErrors[field as DraftField];
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
	return reportInputSchema.parse({
		...last,
		client_id: context.clientId,
		evacuees: context.evacuees === undefined ? last.evacuees : context.evacuees,
		reported_at: context.now.toISOString()
	});
}

/** Share of capacity in use (0 … ∞), or null when either number is unknown. */
export function capacityShare(evacuees: number | null, capacity: number | null): number | null {
	if (evacuees === null || Number.isNaN(evacuees) || capacity === null || capacity <= 0) return null;
	return evacuees / capacity;
}
