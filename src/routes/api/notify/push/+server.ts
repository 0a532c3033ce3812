import { json } from '@sveltejs/kit';
import { pushSubscribeSchema } from '#lib/notify/schema.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { handleApi, readJson } from '#lib/server/http.ts';
import { callNotifyRpc } from '#lib/server/notify/rpc.ts';
import type { RequestHandler } from './$types';

/** A Web Push subscription of this browser → 201 {manage_token, …its view}. No account needed. */
export const POST: RequestHandler = handleApi(async ({ request, locals, getClientAddress }) => {
	const body = await readJson(request, pushSubscribeSchema, 8 * 1024);
	const { db } = await runtime();
	const made = await callNotifyRpc(db, locals.claims, getClientAddress(), 'subscribe_push', [body]);
	return json(made, { status: 201, headers: { 'cache-control': 'no-store' } });
});
