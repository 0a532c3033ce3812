import { redirect } from '@sveltejs/kit';
import { runtime } from '#lib/server/api/runtime.ts';
import { handleApi } from '#lib/server/http.ts';
import { oneClickUnsubscribe } from '#lib/server/notify/one-click.ts';
import type { RequestHandler } from './$types';

/**
 * The List-Unsubscribe URL. GET (a person clicking, or a mail scanner prefetching) deletes
 * nothing: it opens the manage page, which asks. POST is RFC 8058's one-click; under `npm start`
 * it is answered before Kit (notify/one-click.ts), this handler serves same-origin and dev posts.
 */
export const GET: RequestHandler = ({ url }) => {
	const token = url.searchParams.get('token') ?? '';
	redirect(303, `/notify/manage#token=${/^[0-9a-f]{64}$/.test(token) ? token : ''}`);
};

export const POST: RequestHandler = handleApi(async ({ url, getClientAddress }) => {
	const { db } = await runtime();
	const done = await oneClickUnsubscribe(db, url.searchParams.get('token') ?? '', getClientAddress());
	return new Response(done ? 'unsubscribed\n' : 'unknown or expired link\n', {
		status: done ? 200 : 404,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
	});
});
