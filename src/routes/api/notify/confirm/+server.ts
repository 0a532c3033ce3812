import { json } from '@sveltejs/kit';
import { tokenSchema } from '#lib/notify/schema.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { handleApi, readJson } from '#lib/server/http.ts';
import { callNotifyRpc } from '#lib/server/notify/rpc.ts';
import type { RequestHandler } from './$types';

/** The double opt-in link's token → the confirmed subscription; 404 when unknown or expired. */
export const POST: RequestHandler = handleApi(async ({ request, locals, getClientAddress }) => {
	const { token } = await readJson(request, tokenSchema, 1024);
	const { db } = await runtime();
	const view = await callNotifyRpc(db, locals.claims, getClientAddress(), 'confirm_email', [token]);
	return json(view, { headers: { 'cache-control': 'no-store' } });
});
