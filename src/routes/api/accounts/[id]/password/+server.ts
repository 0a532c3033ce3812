import { json } from '@sveltejs/kit';
import { accountId } from '#lib/server/hq/account-input.ts';
import { callerOf, hqAccounts } from '#lib/server/hq/account-service.ts';
import { discardBody, handleApi } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/** A new generated passphrase, answered once; every session of the account ends (HQ only). */
export const POST: RequestHandler = handleApi(async (event) => {
	const id = accountId(event.params.id);
	await discardBody(event.request);
	const accounts = await hqAccounts(callerOf(event));
	const issued = await accounts.resetPassword(id);
	return json(issued, { headers: { 'cache-control': 'private, no-store' } });
});
