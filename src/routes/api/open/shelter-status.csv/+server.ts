import { komae } from '#lib/csv/city.ts';
import { toCsv } from '#lib/csv/export.ts';
import {
	openSource,
	openStatusCsvColumns,
	openStatusCsvRecord,
	openStatusRow
} from '#lib/open/shelter-status.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { handleApi } from '#lib/server/http.ts';
import { openAnswer, openPreflight, openStatusSources, strongEtag } from '#lib/server/open/status.ts';
import type { RequestHandler } from './$types';

/** The live feed as CSV (UTF-8 with BOM); licence and source in the Link / X-Data-Source headers. */
export const GET: RequestHandler = handleApi(async ({ request }) => {
	const { db } = await runtime();
	const body = toCsv(
		openStatusCsvColumns,
		(await openStatusSources(db)).map((source) => openStatusCsvRecord(openStatusRow(source)))
	);
	return openAnswer(request, {
		etag: strongEtag(body),
		body,
		type: 'text/csv; charset=utf-8',
		source: openSource(komae),
		maxAge: 10
	});
});

export const OPTIONS: RequestHandler = async () => openPreflight();
