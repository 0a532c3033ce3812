/**
 * Shared setup of the database tests: both drivers (embedded PGlite on a temp data dir, and a
 * throwaway real PostgreSQL cluster) with the real shim and migrations, plus synthetic shelters
 * and users made through asService. Shelter B is hidden, C is an ad-hoc shelter.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase } from '#lib/server/db/index.ts';
import type { Claims, Database, Tx } from '#lib/server/db/types.ts';
import { startPostgres } from '../support/postgres.ts';

export type Driver = 'pglite' | 'postgres';
export const drivers: Driver[] = ['pglite', 'postgres'];

export interface OpenedDatabase {
	db: Database;
	close(): Promise<void>;
}

/** `migrate: false` opens an empty database (the test applies migrations itself). */
export async function openTestDatabase(driver: Driver, migrate = true): Promise<OpenedDatabase> {
	if (driver === 'pglite') {
		const dir = mkdtempSync(join(tmpdir(), 'bosai-db-test-'));
		const db = await openDatabase({ driver, dataDir: join(dir, 'data'), migrate });
		return {
			db,
			async close() {
				await db.close();
				rmSync(dir, { recursive: true, force: true });
			}
		};
	}
	const cluster = await startPostgres();
	try {
		const db = await openDatabase({ driver, connectionString: cluster.connectionString, migrate });
		return {
			db,
			async close() {
				await db.close();
				await cluster.stop();
			}
		};
	} catch (error) {
		await cluster.stop();
		throw error;
	}
}

export interface FixtureDatabase {
	readonly db: Database;
}

/**
 * For a describe block: opens `driver`'s database with createFixtures before its tests and closes
 * it after them. Read `.db` inside tests and hooks (it is there once this beforeAll ran).
 */
export function fixtureDatabase(driver: Driver): FixtureDatabase {
	let opened: OpenedDatabase | undefined;
	beforeAll(async () => {
		opened = await openTestDatabase(driver);
		await createFixtures(opened.db);
	}, 120_000);
	afterAll(async () => opened?.close(), 30_000);
	return {
		get db() {
			if (!opened) throw new Error('the fixture database opens in beforeAll');
			return opened.db;
		}
	};
}

export const ids = {
	hq: '00000000-0000-4000-8000-00000000000a',
	staffA: '00000000-0000-4000-8000-00000000000b',
	staffB: '00000000-0000-4000-8000-00000000000c',
	nobody: '00000000-0000-4000-8000-00000000000d'
} as const;

export const shelterA = 'synthetic-A';
export const shelterB = 'synthetic-B';
export const shelterC = 'synthetic-C';

export type Actor = 'anon' | 'staffA' | 'staffB' | 'hq';
export const actors: Actor[] = ['anon', 'staffA', 'staffB', 'hq'];

export function claimsOf(actor: Actor): Claims | null {
	if (actor === 'anon') return null;
	return { sub: ids[actor], role: 'authenticated' };
}

/** Synthetic shelters A (public), B (hidden), C (ad hoc) and accounts hq, staffA, staffB. */
export async function createFixtures(db: Database): Promise<void> {
	await db.asService(async (tx) => {
		await tx.query(
			`insert into auth.users (id, email) values
				($1, 'synthetic-hq'), ($2, 'synthetic-staff-a'), ($3, 'synthetic-staff-b'),
				($4, 'synthetic-nobody')`,
			[ids.hq, ids.staffA, ids.staffB, ids.nobody]
		);
		await tx.query(
			`insert into public.shelters (id, name, address, kind, lon, lat, hidden, ad_hoc) values
				($1, 'Synthetic shelter A', 'synthetic address 1', 'shelter', 139.57, 35.63, false, false),
				($2, 'Synthetic shelter B', 'synthetic address 2', 'both', 139.58, 35.64, true, false),
				($3, 'Synthetic shelter C', 'synthetic address 3', 'shelter', 139.59, 35.62, false, true)`,
			[shelterA, shelterB, shelterC]
		);
		await tx.query(
			`insert into public.staff (user_id, role, shelter_id) values
				($1, 'hq', null), ($2, 'staff', $4), ($3, 'staff', $5)`,
			[ids.hq, ids.staffA, ids.staffB, shelterA, shelterB]
		);
	});
}

/** How many reports are stored, or how many match `where` (SQL on public.shelter_reports, $1…). */
export async function countReports(db: Database, where = 'true', params: unknown[] = []): Promise<number> {
	const result = await db.asService((tx) =>
		tx.query<{ n: number }>(`select count(*)::int as n from public.shelter_reports where ${where}`, params)
	);
	return result.rows[0].n;
}

export function reportBody(shelterId: string, overrides: Record<string, unknown> = {}) {
	return {
		client_id: crypto.randomUUID(),
		shelter_id: shelterId,
		status: 'open',
		evacuees: 12,
		crowding: 'slightly_crowded',
		needs: ['water', 'blankets'],
		note: 'synthetic note',
		reported_at: new Date().toISOString(),
		...overrides
	};
}

export async function rpc<T = Record<string, unknown>>(
	db: Database,
	actor: Actor,
	sql: string,
	params: unknown[] = []
): Promise<T> {
	return db.asUser(claimsOf(actor), async (tx) => {
		const result = await tx.query<{ result: T }>(`select ${sql} as result`, params);
		return result.rows[0].result;
	});
}

class Rollback extends Error {}

/**
 * Runs `fn` as `actor` and always rolls back; answers the rows, or the SQL error's code.
 */
export async function probe(
	db: Database,
	actor: Actor,
	fn: (tx: Tx) => Promise<{ rows: unknown[] }>
): Promise<{ rows: unknown[] } | { error: string; code?: string }> {
	let outcome: { rows: unknown[] } | { error: string; code?: string } = { error: 'not run' };
	try {
		await db.asUser(claimsOf(actor), async (tx) => {
			try {
				outcome = { rows: (await fn(tx)).rows };
			} catch (error) {
				const e = error as { message: string; code?: string };
				outcome = { error: e.message, code: e.code };
			}
			throw new Rollback();
		});
	} catch (error) {
		if (!(error instanceof Rollback)) throw error;
	}
	return outcome;
}
