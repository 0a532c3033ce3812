import { reportsCsv } from '#lib/csv/export.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { allReports, hqShelters } from '#lib/server/hq/data.ts';
import { download } from '#lib/server/hq/download.ts';
import { asHq } from '#lib/server/hq/guard.ts';
import { handleApi } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/** Every report, newest first (HQ only). */
export const GET: RequestHandler = handleApi(async ({ locals }) => {
	const { db } = await runtime();
	const { reports, names } = await asHq(db, locals.claims, async (tx) => ({
		reports: await allReports(tx),
		names: new Map((await hqShelters(tx)).map((s) => [s.id, s.name]))
	}));
	return download(reportsCsv(reports, names), 'text/csv', 'reports');
});
