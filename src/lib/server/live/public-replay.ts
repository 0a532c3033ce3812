/**
 * Replay of public topics from memory. The hub sees and frames every realtime message once, so it
 * keeps the most recent public-topic messages here; an anonymous stream that resumes is answered
 * from this ring and never reads the database (H2 of issue 18: 300 anonymous deep replays, each a
 * transaction on PGlite's single queue, pushed a staff report to 38 s).
 *
 * Hidden shelters (shared contract with the SQL side): the hub follows event `visibility` on topic
 * `hq` ({shelter_id, hidden}) and the set loaded at start (`select id from public.shelters where
 * hidden`); a `shelters` message whose payload.shelter_id is hidden NOW is never replayed from here,
 * whenever it was sent — the same rule as the RLS policy on realtime.messages for anon/staff.
 */
import type { Database, RealtimeMessage } from '../db/types.ts';
import { publicTopics } from './authorize.ts';
import { eventFrame } from './sse.ts';

export interface RingItem {
	id: number;
	topic: string;
	frame: Uint8Array;
	/** payload.shelter_id of a `shelters` message (hidden-shelter rule), else null. */
	shelterId: string | null;
}

/** Messages kept by default: at ~250 bytes a frame, ~2.5 MB; BOSAI_LIVE_REPLAY_RING overrides. */
export const defaultRingCapacity = 10_000;

/**
 * An anonymous client that missed more than this many messages gets one `resync` event instead
 * (it refetches GET /api/shelters and /api/alerts, one cached request each): a deep replay costs
 * the server more than the snapshot, and is what a flood of anonymous streams would ask for.
 */
export const maxAnonymousReplay = 500;

function shelterIdOf(message: Pick<RealtimeMessage, 'topic' | 'payload'>): string | null {
	if (message.topic !== 'shelters') return null;
	const id = (message.payload as { shelter_id?: unknown } | null)?.shelter_id;
	return typeof id === 'string' ? id : null;
}

export class PublicReplayRing {
	readonly #capacity: number;
	/** Circular buffer, oldest at #start. */
	readonly #items: (RingItem | undefined)[];
	#start = 0;
	#count = 0;
	/** Every public message with a larger id is in the ring (older ones were evicted or never seen). */
	#coveredAfter: number;
	readonly #hidden = new Set<string>();

	constructor(coveredAfter: number, capacity = defaultRingCapacity) {
		this.#capacity = Math.max(1, Math.floor(capacity));
		this.#items = new Array<RingItem | undefined>(this.#capacity);
		this.#coveredAfter = coveredAfter;
	}

	get size(): number {
		return this.#count;
	}

	get coveredAfter(): number {
		return this.#coveredAfter;
	}

	isHidden(shelterId: string): boolean {
		return this.#hidden.has(shelterId);
	}

	/**
	 * Takes every message the hub publishes, in id order: keeps public ones and follows the
	 * `visibility` events. Returns the frame when it made one, so the hub need not frame it again.
	 */
	observe(message: RealtimeMessage): Uint8Array | null {
		if (message.topic === 'hq' && message.event === 'visibility') this.#applyVisibility(message.payload);
		if (!publicTopics.has(message.topic)) return null;
		const frame = eventFrame(message);
		this.#push({ id: message.id, topic: message.topic, frame, shelterId: shelterIdOf(message) });
		return frame;
	}

	#applyVisibility(payload: unknown): void {
		const { shelter_id: id, hidden } = (payload ?? {}) as { shelter_id?: unknown; hidden?: unknown };
		if (typeof id !== 'string') return;
		if (hidden === true) this.#hidden.add(id);
		else if (hidden === false) this.#hidden.delete(id);
	}

	#push(item: RingItem): void {
		if (this.#count === this.#capacity) {
			const evicted = this.#items[this.#start]!;
			this.#coveredAfter = evicted.id;
			this.#start = (this.#start + 1) % this.#capacity;
			this.#count -= 1;
		}
		this.#items[(this.#start + this.#count) % this.#capacity] = item;
		this.#count += 1;
	}

	#at(index: number): RingItem {
		return this.#items[(this.#start + index) % this.#capacity]!;
	}

	/**
	 * Public messages of `topics` with after < id ≤ until, oldest first, hidden shelters left out;
	 * 'not_covered' when the ring no longer (or never) held all of them, 'too_many' past `limit`.
	 */
	replay(
		topics: ReadonlySet<string>,
		after: number,
		until: number,
		limit = Infinity
	): RingItem[] | 'not_covered' | 'too_many' {
		if (after < this.#coveredAfter) return 'not_covered';
		// First item with id > after (ids are increasing).
		let low = 0;
		let high = this.#count;
		while (low < high) {
			const mid = (low + high) >>> 1;
			if (this.#at(mid).id > after) high = mid;
			else low = mid + 1;
		}
		const out: RingItem[] = [];
		for (let i = low; i < this.#count; i++) {
			const item = this.#at(i);
			if (item.id > until) break;
			if (!topics.has(item.topic)) continue;
			if (item.shelterId !== null && this.#hidden.has(item.shelterId)) continue;
			if (out.length >= limit) return 'too_many';
			out.push(item);
		}
		return out;
	}

	/**
	 * Fills the ring at start with the newest kept public messages and the hidden set, in one
	 * service transaction; returns the newest message id (the hub's head). Call before the hub
	 * receives any message.
	 */
	async load(db: Database): Promise<number> {
		const { head, rows, hidden, oldest } = await db.asService(async (tx) => {
			const ids = await tx.query<{ head: string; oldest: string | null }>(
				'select coalesce(max(id), 0)::text as head, min(id)::text as oldest from realtime.messages'
			);
			const hiddenRows = await tx.query<{ id: string }>('select id from public.shelters where hidden');
			const recent = await tx.query<{ id: number; topic: string; event: string; payload: unknown }>(
				`select id::bigint as id, topic, event, payload from realtime.messages
				  where topic = any($1::text[]) order by id desc limit $2`,
				[[...publicTopics], this.#capacity]
			);
			return { ...ids.rows[0], rows: recent.rows.reverse(), hidden: hiddenRows.rows };
		});
		for (const { id } of hidden) this.#hidden.add(id);
		this.#start = 0;
		this.#count = 0;
		for (const row of rows) {
			const message = { ...row, id: Number(row.id) };
			const frame = eventFrame(message);
			this.#push({ id: message.id, topic: message.topic, frame, shelterId: shelterIdOf(message) });
		}
		// Full: everything after the oldest one kept is here. Otherwise every kept public message
		// is, and older ones were pruned (db pruneRealtime): covered from just before the oldest row.
		if (rows.length === this.#capacity) this.#coveredAfter = Number(rows[0].id) - 1;
		else this.#coveredAfter = oldest === null ? Number(head) : Number(oldest) - 1;
		return Number(head);
	}
}
