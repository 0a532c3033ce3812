import { komae } from '#lib/csv/city.ts';
import { eeiExport } from '#lib/eei/eei-shelters.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { hqShelters } from '#lib/server/hq/data.ts';
import { asHq } from '#lib/server/hq/guard.ts';
import { handleApi } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/** Every shelter in 内閣府 EEI v1.1 item 21 避難所 form (HQ only; src/lib/eei/eei-shelters.schema.json). */
export const GET: RequestHandler = handleApi(async ({ locals }) => {
	const { db } = await runtime();
	const shelters = await asHq(db, locals.claims, hqShelters);
	return new Response(JSON.stringify(eeiExport(shelters, komae.code, new Date())), {
		headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'private, no-store' }
	});
});
