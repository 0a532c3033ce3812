import { komae } from '#lib/csv/city.ts';
import { toCsv } from '#lib/csv/export.ts';
import { eeiColumns, eeiCsvRecord, eeiExport } from '#lib/eei/eei-shelters.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { download } from '#lib/server/hq/download.ts';
import { hqShelters } from '#lib/server/hq/data.ts';
import { asHq } from '#lib/server/hq/guard.ts';
import { handleApi } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/** The EEI export as CSV (UTF-8 with BOM, same columns as the JSON; HQ only). */
export const GET: RequestHandler = handleApi(async ({ locals }) => {
	const { db } = await runtime();
	const shelters = await asHq(db, locals.claims, hqShelters);
	const rows = eeiExport(shelters, komae.code, new Date()).shelters.map(eeiCsvRecord);
	return download(toCsv(eeiColumns, rows), 'text/csv', 'eei-shelters');
});
