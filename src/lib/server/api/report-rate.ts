/**
 * BOSAI_REPORT_RATE = "<per minute>/<per hour>": the most reports one staff account may store
 * (SQL trigger limit_report_rate reads public.settings). Written at every start, so the
 * environment is the authority; unset means the defaults 30/300.
 */
import type { Database } from '../db/types.ts';

export const defaultReportRate = { perMinute: 30, perHour: 300 } as const;

export function reportRateFromEnv(env: NodeJS.ProcessEnv = process.env): {
	perMinute: number;
	perHour: number;
} {
	const raw = env.BOSAI_REPORT_RATE?.trim();
	if (!raw) return { ...defaultReportRate };
	const match = /^(\d{1,6})\/(\d{1,7})$/.exec(raw);
	const perMinute = Number(match?.[1]);
	const perHour = Number(match?.[2]);
	if (
		!match ||
		perMinute < 1 ||
		perMinute > 100_000 ||
		perHour < 1 ||
		perHour > 1_000_000 ||
		perHour < perMinute
	) {
		throw new Error(`BOSAI_REPORT_RATE must be "<per minute>/<per hour>" (e.g. 30/300), got "${raw}"`);
	}
	return { perMinute, perHour };
}

export async function applyReportRate(db: Database, rate = reportRateFromEnv()): Promise<void> {
	await db.asService((tx) =>
		// Only a change is written: settings are audited, and a restart must leave no audit row.
		tx.query(
			`update public.settings set report_rate_per_minute = $1::int, report_rate_per_hour = $2::int
			 where id and (report_rate_per_minute, report_rate_per_hour) is distinct from ($1::int, $2::int)`,
			[rate.perMinute, rate.perHour]
		)
	);
}
