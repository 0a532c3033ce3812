import { json } from '@sveltejs/kit';
import { requireSignedIn } from '#lib/server/api/caller.ts';
import { openOrderAckBodySchema } from '#lib/server/api/open-orders.ts';
import { bigintParam, callRpc } from '#lib/server/api/rpc.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { ApiError, discardBody, handleApi, readJson } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/**
 * One step on an opening order (開設指示):
 * - `cancel` (HQ): cancelling twice answers the same order;
 * - `resend` (HQ): asks the site again; only an unacknowledged order (409 otherwise);
 * - `ack` (staff of the order's shelter) `{client_id}`: 「確認しました」, idempotent on client_id —
 *   the terminal's outbox may send it again after a lost answer; answers like a report ({id,
 *   client_id, received_at, duplicate}).
 */
export const POST: RequestHandler = handleApi(async ({ params, request, locals }) => {
	const claims = requireSignedIn(locals.claims);
	const id = bigintParam(params.id, 'order');
	const { db } = await runtime();
	if (params.action === 'ack') {
		const body = await readJson(request, openOrderAckBodySchema);
		return json(
			await callRpc(db, claims, 'acknowledge_open_order', { order_id: id, client_id: body.client_id })
		);
	}
	if (params.action !== 'cancel' && params.action !== 'resend') {
		throw new ApiError(404, 'not_found', 'Unknown action');
	}
	await discardBody(request);
	return json(
		await callRpc(db, claims, params.action === 'cancel' ? 'cancel_open_order' : 'resend_open_order', id)
	);
});
