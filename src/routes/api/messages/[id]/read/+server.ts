import { json } from '@sveltejs/kit';
import { requireSignedIn } from '#lib/server/api/caller.ts';
import { callRpc, uuidParam } from '#lib/server/api/rpc.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { discardBody, handleApi } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/** Read receipt from the caller's shelter (staff only); repeating it keeps the first receipt. */
export const POST: RequestHandler = handleApi(async ({ params, request, locals }) => {
	const claims = requireSignedIn(locals.claims);
	const id = uuidParam(params.id, 'message');
	await discardBody(request);
	const { db } = await runtime();
	return json(await callRpc(db, claims, 'mark_message_read', id));
});
