import { json } from '@sveltejs/kit';
import { runtime } from '#lib/server/api/runtime.ts';
import { etagMatches, shelterCollection } from '#lib/server/api/shelters.ts';
import { callerCache, handleApi } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/** Shelters + public status. Anonymous answers are shared-cacheable for a few seconds. */
export const GET: RequestHandler = handleApi(async ({ locals, request }) => {
	const { db } = await runtime();
	const { collection, etag } = await db.asUser(locals.claims, shelterCollection);
	const headers = { etag, ...callerCache(locals.claims, 'public, max-age=10, stale-while-revalidate=50') };
	if (etagMatches(request.headers.get('if-none-match'), etag)) {
		return new Response(null, { status: 304, headers });
	}
	return json(collection, { headers: { ...headers, 'content-type': 'application/geo+json' } });
});
