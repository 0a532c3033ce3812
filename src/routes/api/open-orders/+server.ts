import { json } from '@sveltejs/kit';
import { openOrderInputSchema, type OpenOrder } from '#lib/domain/open-order.ts';
import { positiveInt, queryParam, requireSignedIn } from '#lib/server/api/caller.ts';
import { listOpenOrders, openOrderStateParam } from '#lib/server/api/open-orders.ts';
import { callRpc } from '#lib/server/api/rpc.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { handleApi, readJson } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/** HQ orders shelters to open (開設指示): `shelter_ids` or `hazard`, optional `note`. */
export const POST: RequestHandler = handleApi(async ({ request, locals }) => {
	const claims = requireSignedIn(locals.claims);
	const input = await readJson(request, openOrderInputSchema);
	const { db } = await runtime();
	const orders = await callRpc<OpenOrder[]>(db, claims, 'issue_open_orders', input);
	return json(orders, { status: 201 });
});

/** Orders newest first: HQ all, staff their own shelter's (RLS). `?state=requested` filters. */
export const GET: RequestHandler = handleApi(async ({ url, locals }) => {
	const claims = requireSignedIn(locals.claims);
	const state = queryParam(url, 'state', openOrderStateParam);
	const limit = queryParam(url, 'limit', positiveInt(1000)) ?? 500;
	const { db } = await runtime();
	const orders = await db.asUser(claims, (tx) => listOpenOrders(tx, { state, limit }));
	return json(orders, { headers: { 'cache-control': 'no-store' } });
});
