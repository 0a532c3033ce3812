import { buildAtomFeed } from '#lib/cap/atom.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { publicAlerts } from '#lib/server/hq/data.ts';
import { handleApi } from '#lib/server/http.ts';
import { originCache, publicOrigin } from '#lib/server/public-origin.ts';
import type { RequestHandler } from './$types';

/** Atom feed of the current alerts (not cancelled, not expired), each linking to its CAP. */
export const GET: RequestHandler = handleApi(async ({ url, locals }) => {
	const { db } = await runtime();
	const alerts = await db.asUser(locals.claims, (tx) => publicAlerts(tx));
	const origin = publicOrigin(url);
	const xml = buildAtomFeed(alerts, { origin, feedId: `${origin}/api/alerts.atom`, now: new Date() });
	return new Response(xml, {
		headers: { 'content-type': 'application/atom+xml; charset=utf-8', ...originCache('max-age=10') }
	});
});
