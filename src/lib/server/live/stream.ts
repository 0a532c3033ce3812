/**
 * One GET /api/live stream: subscribe to the hub first (buffering), replay what the caller missed
 * from realtime.messages read AS THE CALLER (RLS decides), then flush the buffer without
 * duplicates and go live. A fresh subscriber gets `id: <newest id>` at once, so even a client that
 * drops before its first event resumes from the right place.
 */
import type { Claims, Database, RealtimeMessage } from '../db/types.ts';
import type { LiveHub, Subscriber } from './hub.ts';
import { eventFrame, openingFrame } from './sse.ts';

/** A stream this far behind (queued frames) is dropped; the client resumes with Last-Event-ID. */
const maxQueuedFrames = 2_000;
const replayPage = 500;
const reconnectMs = 2_000;

export interface LiveRequest {
	db: Database;
	hub: LiveHub;
	claims: Claims | null;
	topics: string[];
	/** Last-Event-ID or ?after=: replay every visible message with a larger id. */
	after: number | null;
}

/** Messages of `topics` with id > after, as the caller may read them, oldest first. */
export async function replay(
	db: Database,
	claims: Claims | null,
	topics: string[],
	after: number,
	until: number
): Promise<RealtimeMessage[]> {
	const out: RealtimeMessage[] = [];
	for (const topic of topics) {
		let cursor = after;
		for (;;) {
			// realtime.topic is set too, for policies written with Supabase's realtime.topic().
			const rows = await db.asUser(claims, async (tx) => {
				await tx.query(`select set_config('realtime.topic', $1, true)`, [topic]);
				const result = await tx.query<RealtimeMessage>(
					`select id::bigint as id, topic, event, payload, private, inserted_at
					   from realtime.messages
					  where topic = $1 and id > $2 and id <= $3
					  order by id limit $4`,
					[topic, cursor, until, replayPage]
				);
				return result.rows;
			});
			for (const row of rows) out.push({ ...row, id: Number(row.id) });
			if (rows.length < replayPage) break;
			cursor = Number(rows[rows.length - 1].id);
		}
	}
	return out.sort((a, b) => a.id - b.id);
}

export function openLiveStream(request: LiveRequest): Response {
	const { db, hub, claims, topics, after } = request;
	let subscriber: Subscriber | undefined;
	const body = new ReadableStream<Uint8Array>(
		{
			async start(controller) {
				let closed = false;
				let buffer: { frame: Uint8Array; id: number }[] | null = [];
				let sentUpTo = after ?? 0;
				const enqueue = (frame: Uint8Array): boolean => {
					if (closed) return false;
					if ((controller.desiredSize ?? 0) < -maxQueuedFrames) return false;
					controller.enqueue(frame);
					return true;
				};
				subscriber = {
					topics: new Set(topics),
					expiresAt: claims?.exp ?? null,
					write(frame, id) {
						if (buffer && id !== null) {
							buffer.push({ frame, id });
							return buffer.length <= maxQueuedFrames;
						}
						if (id !== null) {
							if (id <= sentUpTo) return true;
							sentUpTo = id;
						}
						return enqueue(frame);
					},
					close() {
						if (closed) return;
						closed = true;
						try {
							controller.close();
						} catch {
							// already closed by the client
						}
					}
				};
				hub.add(subscriber);
				const head = hub.lastId;
				controller.enqueue(openingFrame(reconnectMs));
				try {
					if (after !== null) {
						for (const message of await replay(db, claims, topics, after, head)) {
							if (!enqueue(eventFrame(message))) break;
							sentUpTo = message.id;
						}
					}
					if (after === null || sentUpTo < head) {
						sentUpTo = Math.max(sentUpTo, head);
						enqueue(new TextEncoder().encode(`id: ${sentUpTo}\n\n`));
					}
				} catch (error) {
					console.error('live: replay failed', error instanceof Error ? error.message : error);
					hub.remove(subscriber, true);
					return;
				}
				const pending = buffer;
				buffer = null;
				for (const { frame, id } of pending) subscriber.write(frame, id);
			},
			cancel() {
				if (subscriber) hub.remove(subscriber);
			}
		},
		{ highWaterMark: 1 }
	);
	return new Response(body, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			'x-accel-buffering': 'no',
			connection: 'keep-alive'
		}
	});
}
