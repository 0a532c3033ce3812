import { json } from '@sveltejs/kit';
import { accountId, changeAccountSchema } from '#lib/server/hq/account-input.ts';
import { callerOf, hqAccounts } from '#lib/server/hq/account-service.ts';
import { handleApi, readJson } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/**
 * Moves a staff account or device to another shelter (`shelter_id`) and/or disables or enables
 * it (`disabled`), HQ only. Both end the account's sessions: embedded, its tokens are refused at
 * their next request and its live streams close within seconds (session-watch.ts); on Supabase
 * its refresh tokens die and a disabled account is banned (docs/hq.md).
 */
export const PATCH: RequestHandler = handleApi(async (event) => {
	const id = accountId(event.params.id);
	const accounts = await hqAccounts(callerOf(event));
	const change = await readJson(event.request, changeAccountSchema);
	await accounts.change(id, change);
	return json({ id, ...change });
});
