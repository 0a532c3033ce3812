/**
 * The staff outbox: every report is written to IndexedDB first, then sent strictly in order by one
 * sender per device. A report leaves the queue only when the server acknowledged it (a duplicate
 * acknowledgement counts: the server already has it). See classify.ts for what failures do.
 */
import type { ReportAck } from '../backend/port.ts';
import { BackendError } from '../backend/port.ts';
import { reportInputSchema, type ReportInput } from '../domain/report.ts';
import { backoffDelay, type BackoffOptions } from './backoff.ts';
import { classifyFailure, describeError } from './classify.ts';
import type { OutboxDb } from './db.ts';
import type { SenderLock } from './lock.ts';
import * as store from './store.ts';
import type { PendingReport, QueueItem, RejectedReport, SentReport } from './types.ts';

export type SendReport<T extends QueueItem = ReportInput> = (report: T) => Promise<ReportAck>;

/**
 * idle: nothing to send · sending · waiting: retry scheduled after a failure · auth_required: the
 * session expired (401), sign in again · signed_out: nobody signed in on this tab · elsewhere:
 * another tab holds the sender lock.
 */
export type SyncState = 'idle' | 'sending' | 'waiting' | 'auth_required' | 'signed_out' | 'elsewhere';

export interface OutboxSnapshot<T extends QueueItem = ReportInput> {
	pending: PendingReport<T>[];
	rejected: RejectedReport<T>[];
	sent: SentReport<T>[];
	lastSyncedAt: string | null;
	state: SyncState;
	nextAttemptAt: number | null;
	lastError: string | null;
}

interface ChannelLike {
	postMessage(message: unknown): void;
	addEventListener(type: 'message', listener: () => void): void;
	close(): void;
}

export interface OutboxOptions<T extends QueueItem = ReportInput> {
	db: OutboxDb;
	lock: SenderLock;
	send?: SendReport<T> | null;
	/**
	 * Validates an item before it is stored (throws when invalid). Default: the report schema; a
	 * second outbox (opening-order acknowledgements) passes its own. Stored items keep the shape.
	 */
	parse?: (item: T) => T;
	now?: () => number;
	backoff?: BackoffOptions;
	/** Sets a timer; returns its cancel function. */
	schedule?: (fn: () => void, ms: number) => () => void;
	/** Tells this device's other tabs that the queue changed (BroadcastChannel in the browser). */
	channel?: ChannelLike | null;
	/** How often to look again while another tab holds the sender lock. */
	elsewherePollMs?: number;
	/**
	 * A send that has not answered after this long counts as a network failure and is retried
	 * (same client_id, so a late success on the server is acknowledged as a duplicate). Without
	 * it, one hung connection would hold the whole queue.
	 */
	sendTimeoutMs?: number;
	/** Runs on close (to detach browser listeners). */
	onClose?: () => void;
}

const defaultSchedule = (fn: () => void, ms: number) => {
	const timer = setTimeout(fn, ms);
	return () => clearTimeout(timer);
};

export class Outbox<T extends QueueItem = ReportInput> {
	readonly #db: OutboxDb;
	readonly #lock: SenderLock;
	readonly #now: () => number;
	readonly #backoff: BackoffOptions;
	readonly #schedule: (fn: () => void, ms: number) => () => void;
	readonly #channel: ChannelLike | null;
	readonly #elsewherePollMs: number;
	readonly #listeners = new Set<() => void>();
	readonly #onClose: (() => void) | undefined;
	readonly #sendTimeoutMs: number;
	readonly #parse: (item: T) => T;
	#send: SendReport<T> | null;
	#state: SyncState = 'idle';
	#nextAttemptAt: number | null = null;
	#lastError: string | null = null;
	#cancelTimer: (() => void) | null = null;
	#running: Promise<SyncState> | null = null;
	#again = false;
	#closed = false;

	constructor(options: OutboxOptions<T>) {
		this.#db = options.db;
		this.#lock = options.lock;
		this.#send = options.send ?? null;
		this.#parse = options.parse ?? ((item: T) => reportInputSchema.parse(item) as unknown as T);
		this.#state = this.#send ? 'idle' : 'signed_out';
		this.#now = options.now ?? Date.now;
		this.#backoff = options.backoff ?? {};
		this.#schedule = options.schedule ?? defaultSchedule;
		this.#channel = options.channel ?? null;
		this.#elsewherePollMs = options.elsewherePollMs ?? 5_000;
		this.#onClose = options.onClose;
		this.#sendTimeoutMs = options.sendTimeoutMs ?? 30_000;
		this.#channel?.addEventListener('message', () => this.#emit(false));
	}

	/** Validates, stores durably, then starts sending. Resolves once the report is on disk. */
	async enqueue(report: T): Promise<void> {
		const valid = this.#parse(report);
		await store.addPending(this.#db, valid as unknown as ReportInput, this.#now());
		this.#emit(true);
		void this.sync();
	}

	/** Signs the sender in (a send function) or out (null). Signing in resumes sending. */
	setSender(send: SendReport<T> | null): void {
		this.#send = send;
		if (!send) {
			this.#setState('signed_out');
			return;
		}
		if (this.#state === 'signed_out' || this.#state === 'auth_required') this.#setState('idle');
		void this.sync({ force: true });
	}

	/**
	 * Sends due reports in order until the queue is empty or a send fails. `force` (retry button,
	 * back online) makes every waiting report due now. Concurrent calls share one run.
	 */
	async sync(options: { force?: boolean } = {}): Promise<SyncState> {
		if (this.#closed) return this.#state;
		if (options.force) await store.makeDue(this.#db).catch(() => {}); // the run below reports it
		if (this.#running) {
			this.#again = true;
			return this.#running;
		}
		this.#running = (async () => {
			let state: SyncState;
			do {
				this.#again = false;
				state = await this.#runSafely();
			} while (this.#again && !this.#closed && state !== 'auth_required' && state !== 'signed_out');
			return state;
		})();
		try {
			return await this.#running;
		} finally {
			this.#running = null;
		}
	}

	/** Removes a refused report from the list once staff have read it. */
	async dismissRejected(clientId: string): Promise<void> {
		await store.dismissRejected(this.#db, clientId);
		this.#emit(true);
	}

	async snapshot(): Promise<OutboxSnapshot<T>> {
		const [pending, rejected, sent, lastSyncedAt] = await Promise.all([
			store.allPending(this.#db),
			store.listRejected(this.#db),
			store.listSent(this.#db),
			store.lastSyncedAt(this.#db)
		]);
		// The store is typed for reports; every item in it went through #parse of this outbox.
		return {
			pending: pending as unknown as PendingReport<T>[],
			rejected: rejected as unknown as RejectedReport<T>[],
			sent: sent as unknown as SentReport<T>[],
			lastSyncedAt,
			state: this.#state,
			nextAttemptAt: this.#nextAttemptAt,
			lastError: this.#lastError
		};
	}

	get state(): SyncState {
		return this.#state;
	}

	/** Called after every change of the queue or of the sync state (also other tabs' changes). */
	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	close(): void {
		this.#closed = true;
		this.#cancelTimer?.();
		this.#channel?.close();
		this.#listeners.clear();
		this.#onClose?.();
	}

	/**
	 * Storage failures (the page closing the database, a full disk) must not escape as unhandled
	 * rejections: the queue is still on disk, so try again later.
	 */
	async #runSafely(): Promise<SyncState> {
		try {
			return await this.#runLocked();
		} catch (error) {
			if (this.#closed) return this.#state;
			this.#lastError = describeError(error);
			this.#timer(this.#elsewherePollMs);
			return this.#setState('waiting');
		}
	}

	async #runLocked(): Promise<SyncState> {
		if (!this.#send) return this.#setState('signed_out');
		// After a 401 only a new sign-in (setSender) resumes: resending would only 401 again.
		if (this.#state === 'auth_required') return this.#state;
		const result = await this.#lock.run(() => this.#drain());
		if (result.ran) return result.value;
		// Another tab is sending; look again later in case that tab goes away.
		this.#timer(this.#elsewherePollMs);
		return this.#setState('elsewhere');
	}

	async #drain(): Promise<SyncState> {
		this.#cancelTimer?.();
		this.#cancelTimer = null;
		for (;;) {
			if (this.#closed) return this.#state;
			const send = this.#send;
			if (!send) return this.#setState('signed_out');
			const head = await store.headPending(this.#db);
			if (!head) {
				this.#nextAttemptAt = null;
				return this.#setState('idle');
			}
			const wait = head.next_attempt_at - this.#now();
			if (wait > 0) {
				this.#nextAttemptAt = head.next_attempt_at;
				this.#timer(wait);
				return this.#setState('waiting');
			}
			this.#setState('sending');
			let ack: ReportAck;
			try {
				ack = await this.#withTimeout(send(head.report as unknown as T));
				if (ack.client_id !== head.report.client_id) {
					throw new Error(`acknowledgement for ${ack.client_id}, expected ${head.report.client_id}`);
				}
			} catch (error) {
				const kind = classifyFailure(error);
				this.#lastError = describeError(error);
				if (kind === 'auth') {
					this.#nextAttemptAt = null;
					return this.#setState('auth_required');
				}
				if (kind === 'reject' && error instanceof BackendError) {
					await store.reject(this.#db, head, error, this.#now());
					this.#emit(true);
					continue;
				}
				const delay = backoffDelay(head.attempts + 1, this.#backoff);
				this.#nextAttemptAt = this.#now() + delay;
				await store.defer(this.#db, head, this.#nextAttemptAt, this.#lastError);
				this.#timer(delay);
				this.#emit(true);
				return this.#setState('waiting');
			}
			await store.acknowledge(this.#db, head, ack, this.#now());
			this.#lastError = null;
			this.#emit(true);
		}
	}

	#withTimeout<T>(work: Promise<T>): Promise<T> {
		let cancel: () => void = () => {};
		const timeout = new Promise<never>((_, reject) => {
			cancel = this.#schedule(
				() => reject(new Error(`no answer within ${this.#sendTimeoutMs} ms`)),
				this.#sendTimeoutMs
			);
		});
		return Promise.race([work, timeout]).finally(() => cancel());
	}

	#timer(ms: number): void {
		this.#cancelTimer?.();
		this.#cancelTimer = this.#schedule(() => {
			this.#cancelTimer = null;
			void this.sync();
		}, ms);
	}

	#setState(state: SyncState): SyncState {
		if (state !== this.#state) {
			this.#state = state;
			this.#emit(false);
		}
		return state;
	}

	#emit(queueChanged: boolean): void {
		if (queueChanged) this.#channel?.postMessage('changed');
		for (const listener of this.#listeners) listener();
	}
}
