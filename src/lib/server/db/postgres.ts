/**
 * The same Database on a real PostgreSQL server (node-postgres): used by the tests to prove the
 * migrations do not depend on PGlite, and by any deployer who prefers a PostgreSQL server with
 * the shim. Realtime: LISTEN on one dedicated connection; the shim's realtime.send serializes
 * senders, so notifications come in id order: the next row is delivered from the notification
 * itself, and anything else (a gap, an id-only payload) reads `id > last`, which never skips a row.
 */
import pg from 'pg';
import type { Claims, Database, Tx } from './types.ts';
import {
	type RawTx,
	type RealtimeRow,
	RealtimeFanout,
	SerialQueue,
	callerParams,
	runGuarded,
	realtimeAfterSql,
	realtimeMaxIdSql,
	setCallerSql
} from './session.ts';

// Same row shapes as PGlite: int8 as number (our ids stay far below 2^53), not string.
const types = {
	getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
		oid === 20
			? (value: string) => Number(value)
			: pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser
};

export async function openPostgres(connectionString: string, poolSize = 8): Promise<Database> {
	const pool = new pg.Pool({ connectionString, max: poolSize, types });
	// Idle clients that fail (server restart) must not crash the process.
	pool.on('error', (error) => console.error('postgres pool error:', error.message));
	const fanout = new RealtimeFanout();
	const drains = new SerialQueue();
	let closed = false;

	async function inTransaction<T>(caller: [string, string] | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
		if (closed) throw new Error('database is closed');
		const client = await pool.connect();
		try {
			await client.query('begin');
			if (caller) await client.query(setCallerSql, caller);
			const raw: RawTx = {
				query: (sql, params) => client.query(sql, params),
				exec: async (sql) => {
					await client.query(sql);
				}
			};
			const value = await runGuarded(raw, fn);
			await client.query('commit');
			return value;
		} catch (error) {
			await client.query('rollback').catch(() => undefined);
			throw error;
		} finally {
			client.release();
		}
	}

	const listener = new pg.Client({ connectionString, types });
	listener.on('error', (error) => console.error('postgres listener error:', error.message));
	await listener.connect();
	const start = await listener.query<{ id: string }>(realtimeMaxIdSql).catch(() => null);
	fanout.lastId = Number(start?.rows[0]?.id ?? 0);
	listener.on('notification', (note) => {
		if (note.channel !== 'realtime' || closed) return;
		const payload = note.payload ?? '';
		void drains.run(async () => {
			// The next row, carried whole by the notification: no read (one round trip less per event).
			if (fanout.deliverNotified(payload)) return;
			await fanout.drain(async (afterId) => {
				const result = await pool.query<RealtimeRow>(realtimeAfterSql, [afterId]);
				return result.rows;
			});
		});
	});
	await listener.query('listen realtime');

	return {
		// async: bad claims reject like any other failure instead of throwing synchronously.
		asUser: async <T>(claims: Claims | null, fn: (tx: Tx) => Promise<T>) =>
			inTransaction(callerParams(claims), fn),
		asService: <T>(fn: (tx: Tx) => Promise<T>) => inTransaction(null, fn),
		onRealtime: (listen) => fanout.add(listen),
		async close() {
			if (closed) return;
			closed = true;
			await drains.run(async () => undefined);
			await listener.end();
			await pool.end();
		}
	};
}
