import { json } from '@sveltejs/kit';
import { requireSignedIn } from '#lib/server/api/caller.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { ApiError, handleApi } from '#lib/server/http.ts';
import { readXmlBody } from '#lib/server/jma/body.ts';
import { ingestTelegram } from '#lib/server/jma/ingest.ts';
import type { RequestHandler } from './$types';

/**
 * A telegram received by another channel (LGWAN, 防災情報提供システム), posted by HQ as an XML
 * body. HQ never writes jma_telegrams itself: the ingester parses and stores it, as for the feed.
 */
export const POST: RequestHandler = handleApi(async ({ request, locals }) => {
	const claims = requireSignedIn(locals.claims);
	const { db } = await runtime();
	const hq = await db.asUser(claims, (tx) => tx.query<{ hq: boolean }>('select public.is_hq() as hq'));
	if (!hq.rows[0]?.hq) throw new ApiError(403, 'forbidden', 'Only HQ may submit JMA telegrams');
	const xml = await readXmlBody(request);
	const result = await ingestTelegram(db, xml, { source: 'post' });
	if (result.outcome === 'invalid') throw new ApiError(400, 'invalid_telegram', result.error);
	const body = {
		outcome: result.outcome,
		id: result.outcome === 'stored' ? result.id : null,
		stream: result.telegram.stream
	};
	return json(body, { status: result.outcome === 'stored' ? 201 : 200 });
});
