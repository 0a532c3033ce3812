import { json } from '@sveltejs/kit';
import { alertInputSchema, type Alert } from '#lib/domain/alert.ts';
import { listAlerts } from '#lib/server/api/alerts.ts';
import { positiveInt, queryParam, requireSignedIn } from '#lib/server/api/caller.ts';
import { callRpc } from '#lib/server/api/rpc.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { ApiError, callerCache, handleApi, readJson } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/** Alerts newest first, for everyone; `?active=true` leaves out cancelled and expired ones. */
export const GET: RequestHandler = handleApi(async ({ url, locals }) => {
	const active = queryParam(url, 'active', (v) => (v === 'true' ? true : v === 'false' ? false : undefined));
	const limit = queryParam(url, 'limit', positiveInt(1000)) ?? 200;
	const { db } = await runtime();
	const alerts = await db.asUser(locals.claims, (tx) =>
		listAlerts(tx, { signedIn: locals.claims !== null, activeOnly: active ?? false, limit })
	);
	return json(alerts, { headers: callerCache(locals.claims, 'public, max-age=10') });
});

/** Issues an alert (HQ only: the RPC refuses anyone else with 403). */
export const POST: RequestHandler = handleApi(async ({ request, locals }) => {
	const claims = requireSignedIn(locals.claims);
	const alert = await readJson(request, alertInputSchema);
	if (alert.expires_at && Date.parse(alert.expires_at) <= Date.now()) {
		throw new ApiError(400, 'invalid_body', 'expires_at: must be in the future');
	}
	const { db } = await runtime();
	const created = await callRpc<Alert>(db, claims, 'issue_alert', alert);
	return json(created, { status: 201 });
});
