import { z } from '#lib/zod.ts';
import { numbersIssues, type NumberField } from './report-numbers.ts';
import { crowdingLevels, needs, shelterStatuses } from './vocabulary.ts';

const count = z.number().int().min(0).max(100_000);
const optionalCount = count.nullable().optional();

/** Messages of the number rules (the API answers them; the staff form shows its own catalog text). */
const numbersMessages = {
	split_without_total: '男 / 女 / 答えたくない need the total (evacuees)',
	split_sum: '男 / 女 / 答えたくない must add up to the total (evacuees)',
	over_total: 'may not exceed the total (evacuees)'
} as const;

/** Body of POST /api/reports (DESIGN.md). The same rules are check constraints in SQL. */
export const reportInputSchema = z
	.strictObject({
		client_id: z.uuid(),
		shelter_id: z.string().min(1).max(64),
		status: z.enum(shelterStatuses),
		evacuees: count.nullable(),
		crowding: z.enum(crowdingLevels),
		needs: z.array(z.enum(needs)).max(needs.length),
		note: z.string().max(500),
		reported_at: z.iso.datetime({ offset: true }),
		evacuees_male: optionalCount,
		evacuees_female: optionalCount,
		evacuees_undisclosed: optionalCount,
		households: optionalCount,
		needs_care: optionalCount,
		external_evacuees: optionalCount
	})
	.superRefine((report, context) => {
		for (const issue of numbersIssues(report)) {
			context.addIssue({
				code: 'custom',
				path: [issue.field satisfies NumberField],
				message: numbersMessages[issue.problem],
				params: { problem: issue.problem }
			});
		}
	});
export type ReportInput = z.infer<typeof reportInputSchema>;

/** A stored report, as HQ and the shelter's own staff see it. */
export interface Report extends ReportInput {
	id: number;
	reporter: string | null;
	received_at: string;
	drill: boolean;
}
