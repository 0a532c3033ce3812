import { json } from '@sveltejs/kit';
import { requireSignedIn } from '#lib/server/api/caller.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { ApiError, handleApi } from '#lib/server/http.ts';
import { callNotifyRpc } from '#lib/server/notify/rpc.ts';
import { notifySetup } from '#lib/server/notify/start.ts';
import type { RequestHandler } from './$types';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * HQ only: subscriber counts per area and delivery counts (queued / sent / failed) of the alerts
 * named in `?alerts=<id>,<id>` (at most 200) — counts, never a subscriber.
 */
export const GET: RequestHandler = handleApi(async ({ url, locals, getClientAddress }) => {
	const claims = requireSignedIn(locals.claims);
	const ids = (url.searchParams.get('alerts') ?? '').split(',').filter(Boolean);
	if (ids.length > 200 || ids.some((id) => !uuid.test(id))) {
		throw new ApiError(400, 'invalid_query', 'alerts: up to 200 alert ids, comma-separated');
	}
	const { db, dataDir } = await runtime();
	const address = getClientAddress();
	const areas = await callNotifyRpc(db, claims, address, 'hq_subscriber_counts');
	const alerts = await callNotifyRpc(db, claims, address, 'hq_delivery_counts', [ids]);
	return json(
		{ mail_configured: notifySetup(dataDir).mail, areas, alerts },
		{ headers: { 'cache-control': 'private, no-store' } }
	);
});
