import { buildCapMessage, capContentType, capSender, currentCapKind } from '#lib/cap/cap.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { uuidParam } from '#lib/server/api/rpc.ts';
import { cityBoundaryRing, cityCode } from '#lib/server/hq/city.ts';
import { publicAlert } from '#lib/server/hq/data.ts';
import { ApiError, handleApi } from '#lib/server/http.ts';
import { originCache, publicOrigin } from '#lib/server/public-origin.ts';
import type { RequestHandler } from './$types';

/**
 * CAP 1.2 message of one alert, for anyone: `/api/alerts/<uuid>.cap`. While the alert stands it is
 * the Alert; once cancelled, the Cancel that references it (sender,identifier,sent).
 */
export const GET: RequestHandler = handleApi(async ({ params, url, locals }) => {
	const id = uuidParam(params.id, 'alert');
	const { db } = await runtime();
	const alert = await db.asUser(locals.claims, (tx) => publicAlert(tx, id));
	if (!alert) throw new ApiError(404, 'not_found', 'Unknown alert');
	const origin = publicOrigin(url);
	const xml = buildCapMessage(
		alert,
		{
			sender: capSender(new URL(origin).host),
			cityCode: cityCode(),
			origin,
			boundary: cityBoundaryRing()
		},
		currentCapKind(alert)
	);
	return new Response(xml, {
		headers: {
			'content-type': `${capContentType}; charset=utf-8`,
			...originCache('max-age=10')
		}
	});
});
