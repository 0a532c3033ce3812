import { runtime } from '#lib/server/api/runtime.ts';
import { download } from '#lib/server/hq/download.ts';
import { reportsCsvStream } from '#lib/server/hq/report-export.ts';
import { handleApi } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/** Every report, newest first (HQ only), streamed page by page. */
export const GET: RequestHandler = handleApi(async ({ locals }) => {
	const { db } = await runtime();
	return download(await reportsCsvStream(db, locals.claims), 'text/csv', 'reports');
});
