import { json } from '@sveltejs/kit';
import { positiveInt, queryParam } from '#lib/server/api/caller.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { auditLog } from '#lib/server/hq/data.ts';
import { asHq } from '#lib/server/hq/guard.ts';
import { handleApi } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

const tables = ['shelters', 'staff', 'alerts', 'messages', 'settings', 'shelter_open_orders', 'accounts'];
const actions = ['INSERT', 'UPDATE', 'DELETE'];

/** The audit log written by the DB triggers, newest first (HQ only). */
export const GET: RequestHandler = handleApi(async ({ url, locals }) => {
	const filters = {
		table: queryParam(url, 'table', (v) => (tables.includes(v) ? v : undefined)),
		action: queryParam(url, 'action', (v) => (actions.includes(v) ? v : undefined)),
		actor: queryParam(url, 'actor', (v) => (v.length <= 100 ? v : undefined)),
		limit: queryParam(url, 'limit', positiveInt(1000)) ?? 200
	};
	const { db } = await runtime();
	const entries = await asHq(db, locals.claims, (tx) => auditLog(tx, filters));
	return json(entries, { headers: { 'cache-control': 'private, no-store' } });
});
