import { json } from '@sveltejs/kit';
import { runtime } from '#lib/server/api/runtime.ts';
import { accountId, changeAccountSchema } from '#lib/server/hq/account-input.ts';
import { changeAccount } from '#lib/server/hq/accounts.ts';
import { asHq, requireHq } from '#lib/server/hq/guard.ts';
import { handleApi, readJson } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/**
 * Moves a staff account or device to another shelter (`shelter_id`) and/or disables or enables
 * it (`disabled`), HQ only. Both end the account's sessions: its tokens are refused at their next
 * request and its live streams close within seconds (session-watch.ts).
 */
export const PATCH: RequestHandler = handleApi(async ({ params, request, locals }) => {
	const id = accountId(params.id);
	const { db } = await runtime();
	await requireHq(db, locals.claims);
	const change = await readJson(request, changeAccountSchema);
	await asHq(db, locals.claims, (tx) => changeAccount(tx, id, change));
	return json({ id, ...change });
});
