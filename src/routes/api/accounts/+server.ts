import { json } from '@sveltejs/kit';
import { createAccountSchema } from '#lib/server/hq/account-input.ts';
import { callerOf, hqAccounts } from '#lib/server/hq/account-service.ts';
import { handleApi, readJson } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

const noStore = { 'cache-control': 'private, no-store' };

/**
 * Every staff, HQ and device account with its shelter and state (HQ only; no secrets). Embedded
 * or Supabase mode alike: hqAccounts() checks the caller and picks the server's adapter.
 */
export const GET: RequestHandler = handleApi(async (event) => {
	const accounts = await hqAccounts(callerOf(event));
	return json({ accounts: await accounts.list() }, { headers: noStore });
});

/** Creates an account with a generated passphrase, answered once (HQ only). */
export const POST: RequestHandler = handleApi(async (event) => {
	const accounts = await hqAccounts(callerOf(event));
	const input = await readJson(event.request, createAccountSchema);
	return json(await accounts.create(input), { status: 201, headers: noStore });
});
