import { json } from '@sveltejs/kit';
import type { Message } from '#lib/backend/port.ts';
import { isoDate, positiveInt, queryParam, requireSignedIn } from '#lib/server/api/caller.ts';
import { listMessages, messageInputSchema } from '#lib/server/api/messages.ts';
import { callRpc } from '#lib/server/api/rpc.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { handleApi, readJson } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/** HQ sends a message to one shelter (`shelter_id`) or to all (`shelter_id: null`). */
export const POST: RequestHandler = handleApi(async ({ request, locals }) => {
	const claims = requireSignedIn(locals.claims);
	const message = await readJson(request, messageInputSchema);
	const { db } = await runtime();
	const created = await callRpc<Message>(db, claims, 'send_message', message);
	return json(created, { status: 201 });
});

/** Messages newest first: HQ all, staff those to their shelter or to all (RLS). */
export const GET: RequestHandler = handleApi(async ({ url, locals }) => {
	const claims = requireSignedIn(locals.claims);
	const since = queryParam(url, 'since', isoDate);
	const limit = queryParam(url, 'limit', positiveInt(1000)) ?? 200;
	const { db } = await runtime();
	const messages = await db.asUser(claims, (tx) => listMessages(tx, { since, limit }));
	return json(messages, { headers: { 'cache-control': 'no-store' } });
});
