import { sheltersGeoJson } from '#lib/csv/export.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { hqShelters } from '#lib/server/hq/data.ts';
import { download } from '#lib/server/hq/download.ts';
import { asHq } from '#lib/server/hq/guard.ts';
import { handleApi } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/** Every shelter (hidden ones too) with its full status as GeoJSON (HQ only); the HQ page's snapshot. */
export const GET: RequestHandler = handleApi(async ({ locals, url }) => {
	const { db } = await runtime();
	const shelters = await asHq(db, locals.claims, hqShelters);
	const body = JSON.stringify(sheltersGeoJson(shelters, new Date().toISOString()));
	if (url.searchParams.get('download') === '1') return download(body, 'application/geo+json', 'shelters');
	return new Response(body, {
		headers: { 'content-type': 'application/geo+json', 'cache-control': 'private, no-store' }
	});
});
