import { runtime } from '#lib/server/api/runtime.ts';
import { handleApi } from '#lib/server/http.ts';
import { parseResume, parseTopics, subscribe } from '#lib/server/live/subscribe.ts';
import type { RequestHandler } from './$types';

/**
 * Server-Sent Events: one event per realtime.send of the requested topics
 * (`id:` realtime.messages id, `event:` event name, `data:` {topic, payload}).
 */
export const GET: RequestHandler = handleApi(async ({ url, request, locals, getClientAddress }) => {
	const topics = parseTopics(url.searchParams.get('topics'));
	const after = parseResume(request.headers.get('last-event-id'), url.searchParams.get('after'));
	return subscribe(await runtime(), locals.claims, topics, after, getClientAddress());
});
