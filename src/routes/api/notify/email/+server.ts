import { json } from '@sveltejs/kit';
import { emailSubscribeSchema } from '#lib/notify/schema.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { ApiError, handleApi, readJson } from '#lib/server/http.ts';
import { callNotifyRpc } from '#lib/server/notify/rpc.ts';
import { notifySetup } from '#lib/server/notify/start.ts';
import type { RequestHandler } from './$types';

/**
 * An e-mail subscription → 202 {status: "pending"}: a confirmation mail is queued and nothing
 * else is sent before its link is opened. The answer never says whether the address was known.
 */
export const POST: RequestHandler = handleApi(async ({ request, locals, getClientAddress }) => {
	const { db, dataDir } = await runtime();
	if (!notifySetup(dataDir).mail) {
		throw new ApiError(409, 'mail_not_configured', 'E-mail delivery is not configured on this server');
	}
	const body = await readJson(request, emailSubscribeSchema, 8 * 1024);
	const answer = await callNotifyRpc(db, locals.claims, getClientAddress(), 'subscribe_email', [body]);
	return json(answer, { status: 202, headers: { 'cache-control': 'no-store' } });
});
