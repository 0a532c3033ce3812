import { json } from '@sveltejs/kit';
import { runtime } from '#lib/server/api/runtime.ts';
import { createAccountSchema } from '#lib/server/hq/account-input.ts';
import { createAccount, listAccounts } from '#lib/server/hq/accounts.ts';
import { asHq, requireHq } from '#lib/server/hq/guard.ts';
import { handleApi, readJson } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

const noStore = { 'cache-control': 'private, no-store' };

/** Every staff, HQ and device account with its shelter and state (HQ only; no secrets). */
export const GET: RequestHandler = handleApi(async ({ locals }) => {
	const { db } = await runtime();
	return json({ accounts: await asHq(db, locals.claims, listAccounts) }, { headers: noStore });
});

/** Creates an account with a generated passphrase, answered once (HQ only). */
export const POST: RequestHandler = handleApi(async ({ request, locals }) => {
	const { db } = await runtime();
	await requireHq(db, locals.claims);
	const input = await readJson(request, createAccountSchema);
	const issued = await asHq(db, locals.claims, (tx) => createAccount(tx, input));
	return json(issued, { status: 201, headers: noStore });
});
