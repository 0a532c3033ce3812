import { z } from 'zod';
import { crowdingLevels, needs, shelterStatuses } from './vocabulary.ts';

/** Body of POST /api/reports (DESIGN.md). The same rules are check constraints in SQL. */
export const reportInputSchema = z.strictObject({
	client_id: z.uuid(),
	shelter_id: z.string().min(1).max(64),
	status: z.enum(shelterStatuses),
	evacuees: z.number().int().min(0).max(100_000).nullable(),
	crowding: z.enum(crowdingLevels),
	needs: z.array(z.enum(needs)).max(needs.length),
	note: z.string().max(500),
	reported_at: z.iso.datetime({ offset: true })
});
export type ReportInput = z.infer<typeof reportInputSchema>;

/** A stored report, as HQ and the shelter's own staff see it. */
export interface Report extends ReportInput {
	id: number;
	reporter: string | null;
	received_at: string;
	drill: boolean;
}
