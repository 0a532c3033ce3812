import { json } from '@sveltejs/kit';
import { reportInputSchema } from '#lib/domain/report.ts';
import { isoDate, positiveInt, queryParam, requireSignedIn } from '#lib/server/api/caller.ts';
import { defaultReportPage, listReports, maxReportPage, parseReportCursor } from '#lib/server/api/reports.ts';
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

/**
 * Reports newest first: HQ sees all, staff only their own shelter's (RLS). At most `limit` rows
 * (default 500, max 5000); when there may be more, `Link: <…&cursor=…>; rel="next"` and
 * `X-Next-Cursor` name the next page (`?cursor=`, same filters).
 */
export const GET: RequestHandler = handleApi(async ({ url, locals }) => {
	const claims = requireSignedIn(locals.claims);
	const since = queryParam(url, 'since', isoDate);
	const shelterId = queryParam(url, 'shelter_id', (v) => (v.length <= 64 ? v : undefined));
	const limit = queryParam(url, 'limit', positiveInt(maxReportPage)) ?? defaultReportPage;
	const cursor = queryParam(url, 'cursor', parseReportCursor);
	const { db } = await runtime();
	const page = await db.asUser(claims, (tx) => listReports(tx, { since, shelterId, limit, cursor }));
	const headers: Record<string, string> = { 'cache-control': 'no-store' };
	if (page.next) {
		const next = new URL(url.pathname + url.search, 'http://x');
		next.searchParams.set('cursor', page.next);
		headers.link = `<${next.pathname}${next.search}>; rel="next"`;
		headers['x-next-cursor'] = page.next;
	}
	return json(page.reports, { headers });
});
