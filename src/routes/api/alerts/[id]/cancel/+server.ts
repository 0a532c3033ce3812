import { json } from '@sveltejs/kit';
import type { Alert } from '#lib/domain/alert.ts';
import { requireSignedIn } from '#lib/server/api/caller.ts';
import { callRpc, uuidParam } from '#lib/server/api/rpc.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { discardBody, handleApi } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/** Cancels an alert (HQ only); cancelling twice answers the same alert. */
export const POST: RequestHandler = handleApi(async ({ params, request, locals }) => {
	const claims = requireSignedIn(locals.claims);
	const id = uuidParam(params.id, 'alert');
	await discardBody(request);
	const { db } = await runtime();
	return json(await callRpc<Alert>(db, claims, 'cancel_alert', id));
});
