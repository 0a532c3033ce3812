/**
 * Fan-out of realtime messages to SSE subscribers. One `onRealtime` listener for the whole process;
 * topic authorization happens once, at subscribe (like Supabase Realtime's join check), so
 * fan-out reads no database. Messages are batched per event-loop turn (and, under load, per
 * `fanoutShare` pause): each topic's frames are encoded and concatenated once and the same bytes
 * written to every subscriber of that topic, so a burst of N messages costs one write per
 * subscriber, not N.
 */
import type { Database, RealtimeMessage } from '../db/types.ts';
import { StreamAdmission, defaultStreamLimits, type StreamLimits } from './admission.ts';
import { PublicReplayRing, defaultRingCapacity } from './public-replay.ts';
import { eventFrame } from './sse.ts';

/** Consecutive frames for one subscriber, oldest first. */
export interface Batch {
	items: { id: number; frame: Uint8Array }[];
	/** All items' frames concatenated (shared by every subscriber that takes the whole batch). */
	bytes: Uint8Array;
	firstId: number;
	lastId: number;
}

export interface Subscriber {
	readonly topics: ReadonlySet<string>;
	/** Epoch seconds after which the subscriber's token is no longer valid (null: anonymous). */
	readonly expiresAt: number | null;
	/** The signed-in caller's account and token version (session-watch.ts); absent: anonymous. */
	readonly account?: { id: string; version: number };
	/** Writes a batch (or a heartbeat: null); false when hopelessly behind and must go. */
	write(batch: Batch | null): boolean;
	close(): void;
}

function concat(parts: Uint8Array[]): Uint8Array {
	if (parts.length === 1) return parts[0];
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

export function makeBatch(items: { id: number; frame: Uint8Array }[]): Batch {
	return {
		items,
		bytes: concat(items.map((item) => item.frame)),
		firstId: items[0].id,
		lastId: items[items.length - 1].id
	};
}

/**
 * The largest share of the event loop that fan-out takes while messages keep coming: after a flush
 * that took t ms, the next one waits until t / share ms after the last one started, and whatever
 * arrived meanwhile goes out in one write per subscriber. Each write to a socket is a system call
 * (a few µs on loopback), so at 2,000 subscribers a flush takes ~10 ms, and flushing every report
 * at once would leave too little of the loop for the reports themselves. bench:live, 2,000
 * subscribers, steady state: share 1 → p99 88 ms, server at 89% of a core; 0.5 → p99 55–78 ms,
 * 66–73%; 1/3 → p99 83 ms, 53% (events wait longer than they save). With few subscribers t is tiny
 * and nothing waits.
 */
export const fanoutShare = 0.5;

export interface LiveHubOptions {
	/** Public-topic messages kept for replay from memory (public-replay.ts). */
	ringCapacity?: number;
	/** Caps on concurrent streams (admission.ts). */
	limits?: StreamLimits;
}

export class LiveHub {
	/** Recent public-topic messages: anonymous streams replay from here, never from the database. */
	readonly ring: PublicReplayRing;
	/** Places for concurrent streams, per address and in total. */
	readonly admission: StreamAdmission;
	readonly #byTopic = new Map<string, Set<Subscriber>>();
	readonly #all = new Set<Subscriber>();
	#pending: { message: RealtimeMessage; frame: Uint8Array | null }[] = [];
	#scheduled = false;
	#lastId: number;
	#timer: ReturnType<typeof setInterval> | undefined;
	/** No flush before this time (performance.now()): see `fanoutShare`. */
	#quietUntil = 0;

	constructor(lastId: number, heartbeatMs = 15_000, options: LiveHubOptions = {}) {
		this.#lastId = lastId;
		this.ring = new PublicReplayRing(lastId, options.ringCapacity ?? defaultRingCapacity);
		this.admission = new StreamAdmission(options.limits ?? defaultStreamLimits);
		this.#timer = setInterval(() => this.#tick(), heartbeatMs);
		this.#timer.unref?.();
	}

	/** Id of the newest message received so far (the resume point of a fresh subscriber). */
	get lastId(): number {
		return this.#lastId;
	}

	get size(): number {
		return this.#all.size;
	}

	/** The open streams of signed-in callers (session-watch.ts checks their session versions). */
	signedIn(): Subscriber[] {
		return [...this.#all].filter((subscriber) => subscriber.account);
	}

	/** Loads the replay ring and the head from the database; call before the first `publish`. */
	async load(db: Database): Promise<void> {
		this.#lastId = Math.max(this.#lastId, await this.ring.load(db));
	}

	publish(message: RealtimeMessage): void {
		if (message.id > this.#lastId) this.#lastId = message.id;
		// Every message, subscribed or not: the ring must hold all recent public ones.
		const frame = this.ring.observe(message);
		if (!this.#byTopic.has(message.topic)) return;
		this.#pending.push({ message, frame });
		if (this.#scheduled) return;
		this.#scheduled = true;
		const wait = this.#quietUntil - performance.now();
		// Whole milliseconds, rounded up: a fractional delay is truncated by the timer and fires early.
		if (wait > 0) setTimeout(() => this.flush(), Math.ceil(wait));
		else setImmediate(() => this.flush());
	}

	/** Writes the pending messages (normally called on the next turn of the event loop). */
	flush(): void {
		this.#scheduled = false;
		const messages = this.#pending;
		this.#pending = [];
		if (!messages.length) return;
		const started = performance.now();
		this.#write(messages);
		this.#quietUntil = started + (performance.now() - started) / fanoutShare;
	}

	#write(messages: { message: RealtimeMessage; frame: Uint8Array | null }[]): void {
		const byTopic = new Map<string, { id: number; frame: Uint8Array }[]>();
		for (const { message, frame } of messages) {
			let list = byTopic.get(message.topic);
			if (!list) byTopic.set(message.topic, (list = []));
			list.push({ id: message.id, frame: frame ?? eventFrame(message) });
		}
		const batches = new Map<string, Batch>();
		for (const [topic, items] of byTopic) batches.set(topic, makeBatch(items));
		const done = new Set<Subscriber>();
		for (const [topic, batch] of batches) {
			for (const subscriber of this.#byTopic.get(topic) ?? []) {
				if (done.has(subscriber)) continue;
				let own = batch;
				if (subscriber.topics.size > 1) {
					// Several of its topics may have messages: merge them in id order, once.
					done.add(subscriber);
					const items = [...subscriber.topics]
						.flatMap((t) => byTopic.get(t) ?? [])
						.sort((a, b) => a.id - b.id);
					own = items.length === batch.items.length ? batch : makeBatch(items);
				}
				if (!subscriber.write(own)) this.remove(subscriber, true);
			}
		}
	}

	add(subscriber: Subscriber): void {
		this.#all.add(subscriber);
		for (const topic of subscriber.topics) {
			let set = this.#byTopic.get(topic);
			if (!set) this.#byTopic.set(topic, (set = new Set()));
			set.add(subscriber);
		}
	}

	remove(subscriber: Subscriber, close = false): void {
		if (!this.#all.delete(subscriber)) return;
		for (const topic of subscriber.topics) {
			const set = this.#byTopic.get(topic);
			set?.delete(subscriber);
			if (set?.size === 0) this.#byTopic.delete(topic);
		}
		if (close) subscriber.close();
	}

	/** Heartbeat for everyone; streams whose token expired end (the client signs in again). */
	#tick(): void {
		const now = Date.now() / 1000;
		for (const subscriber of this.#all) {
			const expired = subscriber.expiresAt !== null && subscriber.expiresAt <= now;
			if (expired || !subscriber.write(null)) this.remove(subscriber, true);
		}
	}

	/** Ends every stream (server shutdown), so the HTTP server can close. */
	close(): void {
		clearInterval(this.#timer);
		for (const subscriber of [...this.#all]) this.remove(subscriber, true);
	}
}
