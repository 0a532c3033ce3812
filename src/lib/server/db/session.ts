/**
 * What both drivers do at the start of a caller's transaction: switch to the caller's Postgres
 * role and set `request.jwt.claims` transaction-locally, exactly as PostgREST does on Supabase,
 * so `auth.uid()`, `auth.jwt()` and RLS see the same values in every mode.
 */
import type { Claims, QueryResult, RealtimeMessage, Tx, TxPriority } from './types.ts';

/**
 * One round trip: both settings are `is_local`, so they end with the transaction. The first column
 * (evaluated first, as the session user) refuses a revoked session with SQLSTATE PT401
 * (migration 20261202000200_add_session_versions.sql).
 */
export const setCallerSql =
	"select public.assert_session_current($2::text::jsonb), set_config('role', $1, true), set_config('request.jwt.claims', $2, true)";

export function callerParams(claims: Claims | null): [string, string] {
	if (claims === null) return ['anon', JSON.stringify({ role: 'anon' })];
	if (claims.role !== 'authenticated' && claims.role !== 'service_role') {
		throw new Error(`unsupported role in claims: ${String(claims.role)}`);
	}
	return [claims.role, JSON.stringify(claims)];
}

const drainBatch = 1000;

/** Rows of realtime.messages committed after `afterId`, oldest first (read as the owner). */
export const realtimeAfterSql = `select id, topic, event, payload, private, inserted_at
	from realtime.messages where id > $1 order by id limit ${drainBatch}`;

export const realtimeMaxIdSql = 'select coalesce(max(id), 0)::text as id from realtime.messages';

export interface RealtimeRow {
	id: number | string | bigint;
	topic: string;
	event: string | null;
	payload: unknown;
	private: boolean | null;
	inserted_at: Date | string;
}

export function toRealtimeMessage(row: RealtimeRow): RealtimeMessage {
	return {
		id: Number(row.id),
		topic: row.topic,
		event: row.event ?? '',
		payload: row.payload,
		private: row.private ?? false,
		inserted_at: row.inserted_at instanceof Date ? row.inserted_at.toISOString() : row.inserted_at
	};
}

/** The raw statement runners of one open transaction of a driver. */
export interface RawTx {
	query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
	exec(sql: string): Promise<void>;
}

/**
 * Runs `fn` on a Tx that remembers a failed statement. PostgreSQL turns the COMMIT of a failed
 * transaction into a silent ROLLBACK, so when `fn` swallowed an error the caller must not hear
 * "committed": the first failure is rethrown and the driver rolls back.
 */
export async function runGuarded<T>(raw: RawTx, fn: (tx: Tx) => Promise<T>): Promise<T> {
	let failure: { error: unknown } | null = null;
	async function guard<R>(statement: Promise<R>): Promise<R> {
		try {
			return await statement;
		} catch (error) {
			failure ??= { error };
			throw error;
		}
	}
	const tx: Tx = {
		query: <Row>(sql: string, params?: unknown[]) =>
			guard(raw.query(sql, params)) as Promise<QueryResult<Row>>,
		exec: (sql: string) => guard(raw.exec(sql))
	};
	const value = await fn(tx);
	if (failure !== null) throw (failure as { error: unknown }).error;
	return value;
}

/** A promise chain that runs tasks one at a time, in order; a failed task does not stop it. */
export class SerialQueue {
	#tail: Promise<unknown> = Promise.resolve();

	run<T>(task: () => Promise<T>): Promise<T> {
		const result = this.#tail.then(task, task);
		this.#tail = result.catch(() => undefined);
		return result;
	}
}

/**
 * A serial queue with two lanes. PGlite is one backend: every transaction waits its turn, so a
 * flood of cheap reads (live replays of reconnecting streams) would sit in front of a staff
 * report. Tasks of the `background` lane run only when no `foreground` task waits — except that
 * after `foregroundBurst` foreground tasks in a row one waiting background task goes, so a
 * steady write load delays replays but never starves them.
 */
export class PriorityQueue {
	readonly #lanes: { foreground: (() => void)[]; background: (() => void)[] } = {
		foreground: [],
		background: []
	};
	#running = false;
	#burst = 0;
	readonly #foregroundBurst: number;

	constructor(foregroundBurst = 8) {
		this.#foregroundBurst = foregroundBurst;
	}

	/** Tasks waiting (not running) in each lane. */
	get waiting(): { foreground: number; background: number } {
		return { foreground: this.#lanes.foreground.length, background: this.#lanes.background.length };
	}

	run<T>(task: () => Promise<T>, lane: TxPriority = 'foreground'): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			this.#lanes[lane].push(() => {
				new Promise<T>((settle) => settle(task())).then(resolve, reject).finally(() => this.#next());
			});
			if (!this.#running) this.#next();
		});
	}

	#next(): void {
		const { foreground, background } = this.#lanes;
		const takeBackground =
			background.length > 0 && (foreground.length === 0 || this.#burst >= this.#foregroundBurst);
		const start = takeBackground ? background.shift() : foreground.shift();
		this.#burst = takeBackground ? 0 : start ? this.#burst + 1 : 0;
		this.#running = start !== undefined;
		start?.();
	}
}

/**
 * Delivers realtime messages to listeners in id order. `drain` reads new rows after the last
 * delivered id; callers serialize it so no row is delivered twice.
 */
export class RealtimeFanout {
	#listeners = new Set<(message: RealtimeMessage) => void>();
	lastId = 0;

	add(listener: (message: RealtimeMessage) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/**
	 * Delivers a message straight from its NOTIFY payload (the shim's realtime.send sends the whole
	 * row when it fits) when it is the very next id: senders are serialized until commit, so
	 * notifications arrive in id order and no row can be skipped. Anything else (an id-only payload,
	 * a gap after a rolled-back send, a reconnect) answers false: the caller reads the table instead.
	 */
	deliverNotified(payload: string): boolean {
		if (!payload.startsWith('{')) return false;
		let row: RealtimeRow;
		try {
			row = JSON.parse(payload) as RealtimeRow;
		} catch {
			return false;
		}
		if (Number(row.id) !== this.lastId + 1) return false;
		// Same form as a row read by the driver (a Date): the payload has the instant with its offset.
		this.#emit(toRealtimeMessage({ ...row, inserted_at: new Date(row.inserted_at) }));
		return true;
	}

	/** Never rejects: a failed read is logged and retried from the same id at the next drain. */
	async drain(read: (afterId: number) => Promise<RealtimeRow[]>): Promise<void> {
		for (;;) {
			let rows: RealtimeRow[];
			try {
				rows = await read(this.lastId);
			} catch (error) {
				console.error('reading realtime messages failed:', error);
				return;
			}
			for (const row of rows) this.#emit(toRealtimeMessage(row));
			if (rows.length < drainBatch) return;
		}
	}

	#emit(message: RealtimeMessage): void {
		this.lastId = message.id;
		for (const listener of this.#listeners) {
			try {
				listener(message);
			} catch (error) {
				// A faulty subscriber must not stop delivery to the others.
				console.error('realtime listener failed:', error);
			}
		}
	}
}
