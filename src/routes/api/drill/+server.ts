import { json } from '@sveltejs/kit';
import { z } from '#lib/zod.ts';
import { requireSignedIn } from '#lib/server/api/caller.ts';
import { callRpc } from '#lib/server/api/rpc.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { bodyLimits, handleApi, readJson } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

const bodySchema = z.strictObject({ on: z.boolean() });

/** Whether drill mode (訓練) is on, for everyone. */
export const GET: RequestHandler = handleApi(async ({ locals }) => {
	const { db } = await runtime();
	const result = await db.asUser(locals.claims, (tx) =>
		tx.query<{ drill_mode: boolean }>(
			'select coalesce((select drill_mode from public.settings limit 1), false) as drill_mode'
		)
	);
	return json({ drill_mode: result.rows[0].drill_mode }, { headers: { 'cache-control': 'no-store' } });
});

/** Switches drill mode city-wide (HQ only). */
export const POST: RequestHandler = handleApi(async ({ request, locals }) => {
	const claims = requireSignedIn(locals.claims);
	const { on } = await readJson(request, bodySchema, bodyLimits.tiny);
	const { db } = await runtime();
	return json(await callRpc<{ drill_mode: boolean }>(db, claims, 'set_drill_mode', on));
});
