import { komae } from '#lib/csv/city.ts';
import { sheltersCsv } from '#lib/csv/export.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { hqShelters } from '#lib/server/hq/data.ts';
import { asHq } from '#lib/server/hq/guard.ts';
import { handleApi } from '#lib/server/http.ts';
import { download } from '#lib/server/hq/download.ts';
import type { RequestHandler } from './$types';

/** Every shelter and its current status, デジタル庁 layout + our columns (HQ only). */
export const GET: RequestHandler = handleApi(async ({ locals }) => {
	const { db } = await runtime();
	const shelters = await asHq(db, locals.claims, hqShelters);
	return download(sheltersCsv(shelters, komae), 'text/csv', 'shelters');
});
