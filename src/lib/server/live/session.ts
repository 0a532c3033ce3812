/**
 * One live subscription, whatever carries its bytes: subscribe to the hub first (buffering),
 * replay what the caller missed, then flush the buffer without duplicates and go live. An
 * anonymous caller's public topics replay from the hub's memory (public-replay.ts: no database
 * read, at most `maxAnonymousReplay` messages, else one `resync`); everything else is read from
 * realtime.messages AS THE CALLER (RLS decides), in the database's background lane and at most
 * `maxConcurrentReplayReads` sessions at a time, so replays never crowd out writes. A fresh subscriber gets `id: <newest id>` at
 * once, so even a client that drops before its first event resumes from the right place.
 * Two transports write the bytes: `web-stream.ts` (a ReadableStream Response, any adapter and
 * `vite dev`) and `node-stream.ts` (straight to the socket under `npm start`).
 */
import type { Claims, Database, RealtimeMessage } from '../db/types.ts';
import { publicTopics } from './authorize.ts';
import { makeBatch, type Batch, type LiveHub, type Subscriber } from './hub.ts';
import { maxAnonymousReplay } from './public-replay.ts';
import { eventFrame, heartbeatFrame, openingFrame, resyncFrame } from './sse.ts';

const replayPage = 500;
/**
 * More missed messages than this are not replayed: the client gets one `resync` event instead
 * and refetches the current state (GET /api/shelters, /api/reports?since=…), which is cheaper.
 */
export const maxReplay = 5_000;
const reconnectMs = 2_000;
/** Batches held while the replay runs; a replay slower than this many flushes ends the stream. */
const maxBufferedBatches = 2_000;
const encoder = new TextEncoder();

/**
 * Sessions reading their replay from the database at once. PGlite runs one transaction at a time:
 * more concurrent replays would only queue longer there, in front of nothing useful.
 */
export const maxConcurrentReplayReads = 2;

/** A counting semaphore: `take` resolves with the function that gives the place back. */
class Slots {
	#free: number;
	readonly #waiting: (() => void)[] = [];
	constructor(size: number) {
		this.#free = size;
	}
	async take(): Promise<() => void> {
		if (this.#free > 0) this.#free -= 1;
		else await new Promise<void>((ready) => this.#waiting.push(ready));
		let given = false;
		return () => {
			if (given) return;
			given = true;
			const next = this.#waiting.shift();
			if (next) next();
			else this.#free += 1;
		};
	}
}

const replayReads = new Slots(maxConcurrentReplayReads);

export interface LiveRequest {
	db: Database;
	hub: LiveHub;
	claims: Claims | null;
	topics: string[];
	/** Last-Event-ID or ?after=: replay every visible message with a larger id. */
	after: number | null;
	/** Called once when the session ends, however it ends (gives back its admission place). */
	release?: () => void;
}

/** Where a session's bytes go, in order. A false return means "hopelessly behind: end me". */
export interface LiveSink {
	/** A frame of this subscriber's own (opening, replay, heartbeat). */
	write(bytes: Uint8Array): boolean;
	/** A hub batch: the same object goes to every subscriber that takes it whole. */
	writeBatch(batch: Batch): boolean;
	/** Ends the response normally (shutdown, expired token, too far behind). */
	close(): void;
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
			const rows = await db.asUser(
				claims,
				async (tx) => {
					await tx.query(`select set_config('realtime.topic', $1, true)`, [topic]);
					const result = await tx.query<RealtimeMessage>(
						`select id::bigint as id, topic, event, payload, private, inserted_at
						   from realtime.messages
						  where topic = $1 and id > $2 and id <= $3
						  order by id limit $4`,
						[topic, cursor, until, replayPage]
					);
					return result.rows;
				},
				{ priority: 'background' }
			);
			for (const row of rows) out.push({ ...row, id: Number(row.id) });
			if (rows.length < replayPage) break;
			cursor = Number(rows[rows.length - 1].id);
		}
	}
	return out.sort((a, b) => a.id - b.id);
}

async function oldestKeptId(db: Database): Promise<number> {
	const result = await db.asService(
		(tx) => tx.query<{ id: string | null }>('select min(id)::text as id from realtime.messages'),
		{ priority: 'background' }
	);
	return result.rows[0]?.id === null ? Infinity : Number(result.rows[0]?.id);
}

type Missed = { id: number; frame: Uint8Array }[] | 'resync';

/** What the session missed in (resume, head], framed, oldest first; 'resync' when too much. */
async function missedFrames(request: LiveRequest, resume: number, head: number): Promise<Missed> {
	const { db, hub, claims, topics } = request;
	const fromMemory = new Set(claims === null ? topics.filter((t) => publicTopics.has(t)) : []);
	const fromDb = topics.filter((t) => !fromMemory.has(t));
	const out: { id: number; frame: Uint8Array }[] = [];
	if (fromMemory.size) {
		const items = hub.ring.replay(fromMemory, resume, head, maxAnonymousReplay);
		if (typeof items === 'string') return 'resync';
		out.push(...items);
	}
	if (fromDb.length && resume < head) {
		const release = await replayReads.take();
		try {
			// Old messages are pruned (db pruneRealtime): resuming before the oldest kept one
			// cannot be complete, so that client refetches too.
			if ((await oldestKeptId(db)) > resume + 1) return 'resync';
			const rows = await replay(db, claims, fromDb, resume, head);
			if (rows === 'too_many') return 'resync';
			for (const row of rows) out.push({ id: row.id, frame: eventFrame(row) });
		} finally {
			release();
		}
	}
	if (claims === null && out.length > maxAnonymousReplay) return 'resync';
	return fromMemory.size && fromDb.length ? out.sort((a, b) => a.id - b.id) : out;
}

/** Starts the session; call the returned `stop` when the client goes away. */
export function startLiveSession(request: LiveRequest, sink: LiveSink): { stop(): void } {
	const { hub, claims, topics, after } = request;
	let closed = false;
	let released = false;
	const release = () => {
		if (released) return;
		released = true;
		request.release?.();
	};
	let buffer: Batch[] | null = [];
	let sentUpTo = 0;
	const write = (bytes: Uint8Array) => !closed && sink.write(bytes);
	/** Writes the part of a batch after `sentUpTo` (replay may have sent the rest). */
	const send = (batch: Batch): boolean => {
		if (closed) return false;
		if (batch.lastId <= sentUpTo) return true;
		const own = batch.firstId > sentUpTo ? batch : makeBatch(batch.items.filter((i) => i.id > sentUpTo));
		sentUpTo = batch.lastId;
		return sink.writeBatch(own);
	};
	const me: Subscriber = {
		topics: new Set(topics),
		expiresAt: claims?.exp ?? null,
		account: claims?.role === 'authenticated' ? { id: claims.sub, version: claims.tv ?? 0 } : undefined,
		write(batch) {
			if (batch === null) return write(heartbeatFrame);
			if (buffer) {
				buffer.push(batch);
				return buffer.length <= maxBufferedBatches;
			}
			return send(batch);
		},
		close() {
			release();
			if (closed) return;
			closed = true;
			sink.close();
		}
	};
	const end = () => hub.remove(me, true);
	hub.add(me);
	const head = hub.lastId;
	// An id from the future (e.g. a data dir that was reset) cannot be trusted: start fresh.
	const resume = after !== null && after <= head ? after : null;
	sentUpTo = resume ?? 0;
	write(openingFrame(reconnectMs));
	void (async () => {
		try {
			if (resume !== null) {
				const missed = await missedFrames(request, resume, head);
				if (closed) return;
				if (missed === 'resync') {
					write(resyncFrame(head));
					sentUpTo = head;
				}
				for (const item of missed === 'resync' ? [] : missed) {
					if (!write(item.frame)) return end();
					sentUpTo = item.id;
				}
			}
		} catch (error) {
			console.error('live: replay failed:', error instanceof Error ? error.message : error);
			return end();
		}
		// Everything visible up to `head` is sent: say so, so a resume starts there.
		if (sentUpTo < head) {
			sentUpTo = head;
			write(encoder.encode(`id: ${head}\n\n`));
		}
		const pending = buffer ?? [];
		buffer = null;
		for (const batch of pending) if (!send(batch)) return end();
	})();
	return {
		stop() {
			closed = true;
			hub.remove(me);
			release();
		}
	};
}
