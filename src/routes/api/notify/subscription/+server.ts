import { json } from '@sveltejs/kit';
import { manageTokenHeader, prefsSchema } from '#lib/notify/schema.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { ApiError, handleApi, readJson } from '#lib/server/http.ts';
import { callNotifyRpc } from '#lib/server/notify/rpc.ts';
import type { RequestHandler } from './$types';

/**
 * One's own subscription, named by its manage token (header x-bosai-manage-token): the device's
 * for push, the mail link's for e-mail. Nobody else — HQ included — can read or change it.
 */
function tokenOf(request: Request): string {
	const token = request.headers.get(manageTokenHeader) ?? '';
	if (!/^[0-9a-f]{64}$/.test(token)) throw new ApiError(404, 'not_found', 'Unknown or expired link');
	return token;
}

const noStore = { 'cache-control': 'no-store' };

export const GET: RequestHandler = handleApi(async ({ request, locals, getClientAddress }) => {
	const { db } = await runtime();
	const view = await callNotifyRpc(db, locals.claims, getClientAddress(), 'my_subscription', [
		tokenOf(request)
	]);
	return json(view, { headers: noStore });
});

export const PATCH: RequestHandler = handleApi(async ({ request, locals, getClientAddress }) => {
	const token = tokenOf(request);
	const prefs = await readJson(request, prefsSchema, 8 * 1024);
	const { db } = await runtime();
	const view = await callNotifyRpc(db, locals.claims, getClientAddress(), 'update_subscription', [
		token,
		prefs
	]);
	return json(view, { headers: noStore });
});

export const DELETE: RequestHandler = handleApi(async ({ request, locals, getClientAddress }) => {
	const { db } = await runtime();
	const done = await callNotifyRpc(db, locals.claims, getClientAddress(), 'delete_subscription', [
		tokenOf(request)
	]);
	return json(done, { headers: noStore });
});
