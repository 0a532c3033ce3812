import { komae } from '#lib/csv/city.ts';
import { openStatusFeed } from '#lib/open/shelter-status.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { handleApi } from '#lib/server/http.ts';
import { openAnswer, openPreflight, openStatusSources, strongEtag } from '#lib/server/open/status.ts';
import type { RequestHandler } from './$types';

/** Public live shelter status (open data, CC BY 4.0): see docs/api.md "Open data". */
export const GET: RequestHandler = handleApi(async ({ request }) => {
	const { db } = await runtime();
	const feed = openStatusFeed(await openStatusSources(db), komae, new Date());
	const { generated_at: _changesEveryTime, ...content } = feed;
	return openAnswer(request, {
		etag: strongEtag(content),
		body: JSON.stringify(feed),
		type: 'application/json; charset=utf-8',
		source: feed.source,
		maxAge: 10
	});
});

export const OPTIONS: RequestHandler = async () => openPreflight();
