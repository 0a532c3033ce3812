import { json } from '@sveltejs/kit';
import { runtime } from '#lib/server/api/runtime.ts';
import { accountId } from '#lib/server/hq/account-input.ts';
import { resetPassword } from '#lib/server/hq/accounts.ts';
import { asHq } from '#lib/server/hq/guard.ts';
import { discardBody, handleApi } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/** A new generated passphrase, answered once; every session of the account ends (HQ only). */
export const POST: RequestHandler = handleApi(async ({ params, request, locals }) => {
	const id = accountId(params.id);
	await discardBody(request);
	const { db } = await runtime();
	const issued = await asHq(db, locals.claims, (tx) => resetPassword(tx, id));
	return json(issued, { headers: { 'cache-control': 'private, no-store' } });
});
