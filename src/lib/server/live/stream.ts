/**
 * One GET /api/live stream: subscribe to the hub first (buffering), replay what the caller missed
 * from realtime.messages read AS THE CALLER (RLS decides), then flush the buffer without
 * duplicates and go live. A fresh subscriber gets `id: <newest id>` at once, so even a client that
 * drops before its first event resumes from the right place.
 */
import type { Claims, Database, RealtimeMessage } from '../db/types.ts';
import { makeBatch, type Batch, type LiveHub, type Subscriber } from './hub.ts';
import { eventFrame, heartbeatFrame, openingFrame, resyncFrame } from './sse.ts';

/** A stream this far behind (queued chunks) is dropped; the client resumes with Last-Event-ID. */
const maxQueuedChunks = 2_000;
const replayPage = 500;
/**
 * More missed messages than this are not replayed: the client gets one `resync` event instead
 * and refetches the current state (GET /api/shelters, /api/reports?since=…), which is cheaper.
 */
export const maxReplay = 5_000;
const reconnectMs = 2_000;
const encoder = new TextEncoder();

export interface LiveRequest {
	db: Database;
	hub: LiveHub;
	claims: Claims | null;
	topics: string[];
	/** Last-Event-ID or ?after=: replay every visible message with a larger id. */
	after: number | null;
}

/** Messages of `topics` with after < id ≤ until, as the caller may read them, oldest first. */
export async function replay(
	db: Database,
	claims: Claims | null,
	topics: string[],
	after: number,
	until: number
): Promise<RealtimeMessage[] | 'too_many'> {
	const out: RealtimeMessage[] = [];
	for (const topic of topics) {
		let cursor = after;
		for (;;) {
			if (out.length > maxReplay) return 'too_many';
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

async function oldestKeptId(db: Database): Promise<number> {
	const result = await db.asService((tx) =>
		tx.query<{ id: string | null }>('select min(id)::text as id from realtime.messages')
	);
	return result.rows[0]?.id === null ? Infinity : Number(result.rows[0]?.id);
}

export function openLiveStream(request: LiveRequest): Response {
	const { db, hub, claims, topics, after } = request;
	let subscriber: Subscriber | undefined;
	const body = new ReadableStream<Uint8Array>(
		{
			async start(controller) {
				let closed = false;
				let buffer: Batch[] | null = [];
				let sentUpTo = 0;
				const enqueue = (bytes: Uint8Array): boolean => {
					if (closed) return false;
					if ((controller.desiredSize ?? 0) < -maxQueuedChunks) return false;
					controller.enqueue(bytes);
					return true;
				};
				/** Writes the part of a batch after `sentUpTo` (replay may have sent the rest). */
				const send = (batch: Batch): boolean => {
					if (batch.lastId <= sentUpTo) return true;
					const bytes =
						batch.firstId > sentUpTo
							? batch.bytes
							: makeBatch(batch.items.filter((item) => item.id > sentUpTo)).bytes;
					sentUpTo = batch.lastId;
					return enqueue(bytes);
				};
				const me: Subscriber = {
					topics: new Set(topics),
					expiresAt: claims?.exp ?? null,
					write(batch) {
						if (batch === null) return enqueue(heartbeatFrame);
						if (buffer) {
							buffer.push(batch);
							return buffer.length <= maxQueuedChunks;
						}
						return send(batch);
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
				subscriber = me;
				hub.add(me);
				const head = hub.lastId;
				// An id from the future (e.g. a data dir that was reset) cannot be trusted: start fresh.
				const resume = after !== null && after <= head ? after : null;
				sentUpTo = resume ?? 0;
				controller.enqueue(openingFrame(reconnectMs));
				try {
					if (resume !== null) {
						// Old messages are pruned (db pruneRealtime): resuming before the oldest kept
						// one cannot be complete, so that client refetches too.
						const pruned = resume < head && (await oldestKeptId(db)) > resume + 1;
						const missed = pruned ? 'too_many' : await replay(db, claims, topics, resume, head);
						if (missed === 'too_many') {
							enqueue(resyncFrame(head));
							sentUpTo = head;
						}
						for (const message of missed === 'too_many' ? [] : missed) {
							if (!enqueue(eventFrame(message))) return hub.remove(me, true);
							sentUpTo = message.id;
						}
					}
				} catch (error) {
					console.error('live: replay failed:', error instanceof Error ? error.message : error);
					return hub.remove(me, true);
				}
				// Everything visible up to `head` is sent: say so, so a resume starts there.
				if (sentUpTo < head) {
					sentUpTo = head;
					enqueue(encoder.encode(`id: ${head}\n\n`));
				}
				const pending = buffer;
				buffer = null;
				for (const batch of pending) if (!send(batch)) return hub.remove(me, true);
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
			'x-accel-buffering': 'no'
		}
	});
}
