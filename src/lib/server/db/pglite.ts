/**
 * The embedded database: PGlite (PostgreSQL in WASM) with its data directory on disk.
 * One PGlite is one Postgres backend, so every transaction runs through one serial queue; a
 * stray query can never land inside another caller's open transaction. The queue has a background
 * lane (live replay reads) that waits for foreground transactions (writes, page reads).
 * Durability: PGlite writes through to the data directory on every query (`relaxedDurability`
 * stays off), so once COMMIT returned, a SIGKILL of the process loses nothing
 * (tests/unit/db-durability.test.ts). PGlite runs PostgreSQL with fsync=off, so a power loss may
 * still lose recent commits (README: "Database and Supabase deployment").
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Claims, Database, Tx, TxOptions } from './types.ts';
import {
	type RawTx,
	type RealtimeRow,
	PriorityQueue,
	RealtimeFanout,
	callerParams,
	runGuarded,
	realtimeAfterSql,
	realtimeMaxIdSql,
	setCallerSql
} from './session.ts';

export async function openPglite(dataDir: string): Promise<Database> {
	// PGlite needs the parent folder to exist (STACK-NOTES); it creates the data dir itself.
	if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
	const pg = await PGlite.create({ dataDir, relaxedDurability: false });
	const queue = new PriorityQueue();
	const fanout = new RealtimeFanout();
	let closed = false;

	async function inTransaction<T>(caller: [string, string] | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
		if (closed) throw new Error('database is closed');
		return pg.transaction(async (transaction) => {
			if (caller) await transaction.query(setCallerSql, caller);
			const raw: RawTx = {
				query: (sql, params) => transaction.query(sql, params),
				exec: async (sql) => {
					await transaction.exec(sql);
				}
			};
			return runGuarded(raw, fn);
		});
	}

	// Realtime rows are delivered right after the transaction that sent them, still inside its
	// queue slot: under load the queue is long, and waiting for a drain task at its end would add
	// the whole queue to every event's latency. A notification that arrives otherwise (outside
	// asUser/asService) still gets its own drain task.
	let pending = false;
	let drainQueued = false;
	async function drainNow(): Promise<void> {
		if (!pending || closed) return;
		pending = false;
		await fanout.drain(async (afterId) => {
			const result = await pg.query<RealtimeRow>(realtimeAfterSql, [afterId]);
			return result.rows;
		});
	}
	function onNotify(): void {
		pending = true;
		if (drainQueued || closed) return;
		drainQueued = true;
		void queue.run(async () => {
			drainQueued = false;
			await drainNow();
		});
	}
	function inSlot<T>(
		caller: () => [string, string] | null,
		fn: (tx: Tx) => Promise<T>,
		options?: TxOptions
	): Promise<T> {
		return queue.run(async () => {
			try {
				return await inTransaction(caller(), fn);
			} finally {
				await drainNow();
			}
		}, options?.priority);
	}

	const start = await pg.query<{ id: string }>(realtimeMaxIdSql).catch(() => null);
	fanout.lastId = Number(start?.rows[0]?.id ?? 0);
	const unlisten = await pg.listen('realtime', onNotify);

	return {
		asUser<T>(claims: Claims | null, fn: (tx: Tx) => Promise<T>, options?: TxOptions): Promise<T> {
			return inSlot(() => callerParams(claims), fn, options);
		},
		asService<T>(fn: (tx: Tx) => Promise<T>, options?: TxOptions): Promise<T> {
			return inSlot(() => null, fn, options);
		},
		onRealtime(listener) {
			return fanout.add(listener);
		},
		dumpDataDir() {
			// In its own queue slot: no transaction is open while PGlite writes the tarball.
			return queue.run(() => pg.dumpDataDir('gzip'));
		},
		async close() {
			if (closed) return;
			await queue.run(async () => {
				closed = true;
				await unlisten();
				await pg.close();
			});
		}
	};
}
