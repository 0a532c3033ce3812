/**
 * Fan-out of realtime messages to SSE subscribers. One `onRealtime` listener for the whole process;
 * each message is framed once and written to the subscribers of its topic. Topic authorization
 * happens once, at subscribe (like Supabase Realtime's join check), so fan-out reads no database
 * and scales with the number of sockets, not with queries.
 */
import type { RealtimeMessage } from '../db/types.ts';
import { eventFrame, heartbeatFrame } from './sse.ts';

export interface Subscriber {
	readonly topics: ReadonlySet<string>;
	/** Epoch seconds after which the subscriber's token is no longer valid (null: anonymous). */
	readonly expiresAt: number | null;
	/** Writes a frame; returns false when the subscriber is hopelessly behind and must go. */
	write(frame: Uint8Array, id: number | null): boolean;
	close(): void;
}

export class LiveHub {
	readonly #byTopic = new Map<string, Set<Subscriber>>();
	readonly #all = new Set<Subscriber>();
	#lastId: number;
	#timer: ReturnType<typeof setInterval> | undefined;

	constructor(lastId: number, heartbeatMs = 15_000) {
		this.#lastId = lastId;
		this.#timer = setInterval(() => this.#tick(), heartbeatMs);
		this.#timer.unref?.();
	}

	/** Id of the newest message published so far (the resume point of a fresh subscriber). */
	get lastId(): number {
		return this.#lastId;
	}

	get size(): number {
		return this.#all.size;
	}

	publish(message: RealtimeMessage): void {
		if (message.id > this.#lastId) this.#lastId = message.id;
		const subscribers = this.#byTopic.get(message.topic);
		if (!subscribers?.size) return;
		const frame = eventFrame(message);
		for (const subscriber of subscribers) {
			if (!subscriber.write(frame, message.id)) this.remove(subscriber, true);
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
			if (expired || !subscriber.write(heartbeatFrame, null)) this.remove(subscriber, true);
		}
	}

	/** Ends every stream (server shutdown), so the HTTP server can close. */
	close(): void {
		clearInterval(this.#timer);
		for (const subscriber of [...this.#all]) this.remove(subscriber, true);
	}
}
