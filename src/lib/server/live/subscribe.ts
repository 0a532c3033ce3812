/**
 * GET /api/live request handling, shared by both transports: parse `topics` and the resume point
 * (Last-Event-ID header, or `?after=` for clients that cannot set it), check every topic.
 */
import type { Claims, Database } from '../db/types.ts';
import { ApiError } from '../http.ts';
import type { Runtime } from '../api/runtime.ts';
import { canSubscribe, isTopic } from './authorize.ts';
import { openLiveStream } from './web-stream.ts';

const maxTopics = 20;

export function parseTopics(raw: string | null): string[] {
	const topics = [
		...new Set(
			(raw ?? '')
				.split(',')
				.map((t) => t.trim())
				.filter(Boolean)
		)
	];
	if (topics.length === 0)
		throw new ApiError(400, 'invalid_query', 'topics is required, e.g. ?topics=shelters,alerts');
	if (topics.length > maxTopics) throw new ApiError(400, 'invalid_query', `At most ${maxTopics} topics`);
	const bad = topics.find((topic) => !isTopic(topic));
	if (bad !== undefined) throw new ApiError(400, 'invalid_query', `Unknown topic "${bad.slice(0, 80)}"`);
	return topics;
}

export function parseResume(header: string | null, query: string | null): number | null {
	const raw = header ?? query;
	if (raw === null || raw === '') return null;
	if (!/^\d{1,15}$/.test(raw)) throw new ApiError(400, 'invalid_query', 'Last-Event-ID must be a message id');
	return Number(raw);
}

/** Throws a 403 ApiError unless the caller may read every topic (RLS decides, see authorize.ts). */
export async function authorizeTopics(db: Database, claims: Claims | null, topics: string[]): Promise<void> {
	for (const topic of topics) {
		if (!(await canSubscribe(db, claims, topic))) {
			throw claims
				? new ApiError(403, 'forbidden', `Not allowed to subscribe to "${topic}"`)
				: new ApiError(403, 'forbidden', `Sign in to subscribe to "${topic}"`);
		}
	}
}

/**
 * The portable path (Kit route): a place for the stream (admission.ts; before authorization, so
 * a refused stream costs no database work), the checks, then a ReadableStream Response.
 */
export async function subscribe(
	rt: Runtime,
	claims: Claims | null,
	topics: string[],
	after: number | null,
	address: string
): Promise<Response> {
	const release = rt.hub.admission.admit(address);
	try {
		await authorizeTopics(rt.db, claims, topics);
	} catch (error) {
		release();
		throw error;
	}
	return openLiveStream({ db: rt.db, hub: rt.hub, claims, topics, after, release });
}
