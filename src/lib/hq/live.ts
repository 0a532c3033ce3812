/** Folding live report events into the HQ shelter list (topic `hq`, event payload = a report). */
import { z } from 'zod';
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
	drill: z.boolean().default(false)
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
		drill: report.drill
	};
}

/**
 * Returns a new list with the report applied. Like the SQL trigger, a report made earlier (client
 * clock) than the one shown never overwrites it, even when the outbox delivers it late.
 */
export function mergeReport(shelters: readonly HqShelter[], report: LiveReport): HqShelter[] {
	return shelters.map((shelter) => {
		if (shelter.id !== report.shelter_id) return shelter;
		const current = shelter.status;
		if (current && Date.parse(current.reported_at) > Date.parse(report.reported_at)) return shelter;
		return { ...shelter, status: statusFromReport(report) };
	});
}
