import { komae } from '#lib/csv/city.ts';
import { toCsv } from '#lib/csv/export.ts';
import {
	historyDay,
	openHistoryCsvColumns,
	openHistoryCsvRecord,
	openSource
} from '#lib/open/shelter-status.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { ApiError, handleApi } from '#lib/server/http.ts';
import { openAnswer, openHistorySources, openPreflight, strongEtag } from '#lib/server/open/status.ts';
import type { RequestHandler } from './$types';

/** The status changes of one day (`?date=YYYY-MM-DD`, 日本標準時; default today), public fields only. */
export const GET: RequestHandler = handleApi(async ({ request, url }) => {
	const day = historyDay(url.searchParams.get('date'), new Date());
	if (!day) throw new ApiError(400, 'invalid_date', 'date must be a day as YYYY-MM-DD');
	const { db } = await runtime();
	const body = toCsv(openHistoryCsvColumns, (await openHistorySources(db, day)).map(openHistoryCsvRecord));
	return openAnswer(request, {
		etag: strongEtag(body),
		body,
		type: 'text/csv; charset=utf-8',
		source: openSource(komae),
		maxAge: 60
	});
});

export const OPTIONS: RequestHandler = async () => openPreflight();
