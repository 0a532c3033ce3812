/** Folding live report events into the HQ shelter list (topic `hq`, event payload = a report). */
import { z } from '#lib/zod.ts';
import { crowdingLevels, needs, shelterStatuses } from '../domain/vocabulary.ts';
import type { HqShelter, HqStatus } from './types.ts';

/** The part of a report HQ needs; extra fields are ignored so a payload change breaks nothing. */
export const liveReportSchema = z.object({
	shelter_id: z.string(),
	status: z.enum(shelterStatuses),
	crowding: z.enum(crowdingLevels),
	evacuees: z.number().int().nullable(),
	needs: z.array(z.enum(needs)).default([]),
	note: z.string().default(''),
	reported_at: z.string(),
	received_at: z.string(),
	/** Sent by the report trigger since issue 18 (M4); older payloads lack it. */
	observed_at: z.string().optional(),
	drill: z.boolean().default(false),
	/** Issue 16: the numbers (older payloads lack them). */
	evacuees_male: z.number().int().nullable().optional(),
	evacuees_female: z.number().int().nullable().optional(),
	evacuees_undisclosed: z.number().int().nullable().optional(),
	households: z.number().int().nullable().optional(),
	needs_care: z.number().int().nullable().optional(),
	external_evacuees: z.number().int().nullable().optional()
});
export type LiveReport = z.infer<typeof liveReportSchema>;

/** Finds a report in an event payload: the report itself or `{ report }`. */
export function reportFromPayload(payload: unknown): LiveReport | null {
	const direct = liveReportSchema.safeParse(payload);
	if (direct.success) return direct.data;
	if (payload && typeof payload === 'object' && 'report' in payload) {
		const nested = liveReportSchema.safeParse((payload as { report: unknown }).report);
		if (nested.success) return nested.data;
	}
	return null;
}

export function statusFromReport(report: LiveReport): HqStatus {
	return {
		status: report.status,
		crowding: report.crowding,
		evacuees: report.evacuees,
		needs: report.needs,
		note: report.note,
		reported_at: report.reported_at,
		updated_at: report.received_at,
		observed_at: report.observed_at ?? observedAt(report.reported_at, report.received_at),
		drill: report.drill,
		evacuees_male: report.evacuees_male ?? null,
		evacuees_female: report.evacuees_female ?? null,
		evacuees_undisclosed: report.evacuees_undisclosed ?? null,
		households: report.households ?? null,
		needs_care: report.needs_care ?? null,
		external_evacuees: report.external_evacuees ?? null
	};
}

/**
 * opened_at / closed_at as the SQL trigger sets them: the first open after not open, and closing,
 * at the report's observation time. 余力 and 定員状況 come with the next snapshot (SQL derives them).
 */
function withStatusTimes(current: HqStatus | null, next: HqStatus): HqStatus {
	const was = current?.status ?? null;
	const at = next.observed_at ?? next.updated_at;
	return {
		...next,
		opened_at: next.status === 'open' && was !== 'open' ? at : (current?.opened_at ?? null),
		closed_at:
			next.status === 'closed' && was !== 'closed'
				? at
				: next.status === 'open' && was !== 'open'
					? null
					: (current?.closed_at ?? null)
	};
}

/** The terminal's time, but never later than the server received it (a clock ahead cannot pin). */
function observedAt(reportedAt: string, receivedAt: string): string {
	return Date.parse(reportedAt) < Date.parse(receivedAt) ? reportedAt : receivedAt;
}

function observedOf(status: HqStatus): number {
	return Date.parse(status.observed_at ?? observedAt(status.reported_at, status.updated_at));
}

/**
 * Returns a new list with the report applied. Like the SQL trigger, a report observed earlier than
 * the one shown never overwrites it, even when the outbox delivers it late; the observation time
 * is the terminal's clock clamped to the server's receive time (HQ's reports: the receive time),
 * so a terminal whose clock is ahead cannot pin the status (issue 18, M4).
 */
export function mergeReport(shelters: readonly HqShelter[], report: LiveReport): HqShelter[] {
	return shelters.map((shelter) => {
		if (shelter.id !== report.shelter_id) return shelter;
		const current = shelter.status;
		const next = statusFromReport(report);
		if (current && observedOf(current) > observedOf(next)) return shelter;
		return { ...shelter, status: withStatusTimes(current, next) };
	});
}
