import { json } from '@sveltejs/kit';
import { positiveInt, queryParam } from '#lib/server/api/caller.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { handleApi } from '#lib/server/http.ts';
import { jmaInEffect, jmaTimeline } from '#lib/server/jma/read.ts';
import { jmaConfigured } from '#lib/server/jma/service.ts';
import type { RequestHandler } from './$types';

/** What JMA has in effect for 狛江市 and the recent telegrams, for everyone (JMA data is public). */
export const GET: RequestHandler = handleApi(async ({ url, locals }) => {
	const limit = queryParam(url, 'limit', positiveInt(500)) ?? 50;
	const { db } = await runtime();
	const body = await db.asUser(locals.claims, async (tx) => ({
		configured: jmaConfigured(),
		source: '出典：気象庁ホームページ',
		in_effect: await jmaInEffect(tx),
		timeline: await jmaTimeline(tx, limit)
	}));
	return json(body, { headers: { 'cache-control': 'no-cache' } });
});
