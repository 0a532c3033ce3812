import { json } from '@sveltejs/kit';
import { reportInputSchema } from '#lib/domain/report.ts';
import { isoDate, positiveInt, queryParam, requireSignedIn } from '#lib/server/api/caller.ts';
import { listReports } from '#lib/server/api/reports.ts';
import { callRpc } from '#lib/server/api/rpc.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { handleApi, readJson } from '#lib/server/http.ts';
import type { ReportAck } from '#lib/backend/port.ts';
import type { RequestHandler } from './$types';

/**
 * A situation report (staff of that shelter, or HQ). Acknowledged only after COMMIT, which PGlite
 * has written through to disk. The same client_id again answers the stored report with 200.
 */
export const POST: RequestHandler = handleApi(async ({ request, locals }) => {
	const claims = requireSignedIn(locals.claims);
	const report = await readJson(request, reportInputSchema);
	const { db } = await runtime();
	const ack = await callRpc<ReportAck>(db, claims, 'submit_report', report);
	return json(ack, { status: ack.duplicate ? 200 : 201, headers: { 'cache-control': 'no-store' } });
});

/** Reports newest first: HQ sees all, staff only their own shelter's (RLS). */
export const GET: RequestHandler = handleApi(async ({ url, locals }) => {
	const claims = requireSignedIn(locals.claims);
	const since = queryParam(url, 'since', isoDate);
	const shelterId = queryParam(url, 'shelter_id', (v) => (v.length <= 64 ? v : undefined));
	const limit = queryParam(url, 'limit', positiveInt(5000)) ?? 500;
	const { db } = await runtime();
	const reports = await db.asUser(claims, (tx) => listReports(tx, { since, shelterId, limit }));
	return json(reports, { headers: { 'cache-control': 'no-store' } });
});
