import { json } from '@sveltejs/kit';
import { runtime } from '#lib/server/api/runtime.ts';
import { handleApi } from '#lib/server/http.ts';
import { notifySetup } from '#lib/server/notify/start.ts';
import type { RequestHandler } from './$types';

/** What the subscribe form needs: the VAPID public key, and whether e-mail is offered at all. */
export const GET: RequestHandler = handleApi(async () => {
	const { dataDir } = await runtime();
	const { vapid, mail } = notifySetup(dataDir);
	return json({ vapid_public_key: vapid.publicKey, mail }, { headers: { 'cache-control': 'no-cache' } });
});
