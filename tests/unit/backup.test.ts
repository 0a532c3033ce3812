/**
 * Backups and restores on both databases: a PGlite snapshot taken from an open database (as the
 * running server takes it) restores into an empty data dir; pg_dump/pg_restore on a real
 * PostgreSQL server; a backup of the previous schema version is migrated by the next open.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { backupFileName, expiredBackups, parseBackupName } from '#lib/backup/names.ts';
import {
	RestoreRefusedError,
	restorePgDump,
	restorePglite,
	schemaVersion,
	writePgDump,
	writePgliteBackup
} from '#lib/server/db/backup.ts';
import { openDatabase } from '#lib/server/db/index.ts';
import { migrationFiles } from '#lib/server/db/setup.ts';
import type { Database } from '#lib/server/db/types.ts';
import { startPostgres } from '../support/postgres.ts';
import { claimsOf, createFixtures, reportBody, rpc, shelterA } from './db-fixtures.ts';

const temp: string[] = [];
function tempDir(prefix: string): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	temp.push(dir);
	return dir;
}
afterAll(() => {
	for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

async function reportCount(db: Database): Promise<number> {
	const result = await db.asService((tx) =>
		tx.query<{ n: number }>('select count(*)::int as n from public.shelter_reports')
	);
	return result.rows[0].n;
}

async function addReports(db: Database, n: number) {
	for (let i = 0; i < n; i++)
		await rpc(db, 'hq', 'public.submit_report($1::jsonb)', [reportBody(shelterA, { evacuees: i })]);
}

describe('backup names', () => {
	test('say when and at which schema version, and read back', () => {
		const at = new Date('2026-12-02T14:15:00.123Z');
		const name = backupFileName(at, '20261202300000', 'pglite');
		expect(name).toBe('bosai-backup-20261202T141500Z-schema-20261202300000.pglite.tar.gz');
		expect(parseBackupName(name)).toEqual({
			takenAt: new Date('2026-12-02T14:15:00Z'),
			schemaVersion: '20261202300000',
			kind: 'pglite'
		});
		expect(parseBackupName(backupFileName(at, '1', 'pgdump'))?.kind).toBe('pgdump');
		for (const other of [
			'notes.txt',
			'bosai-backup-x.pgdump',
			'bosai-backup-20261202T141500Z-schema-1.pglite.tar.gz.partial'
		]) {
			expect(parseBackupName(other)).toBeNull();
		}
	});

	test('only our backups older than the kept days expire, oldest first', () => {
		const now = new Date('2026-12-10T00:00:00Z');
		const day = (d: number) => backupFileName(new Date(now.getTime() - d * 86_400_000), '1', 'pglite');
		const files = [day(1), day(9), 'keep-me.txt', day(8), day(6)];
		expect(expiredBackups(files, 7, now)).toEqual([day(9), day(8)]);
	});
});

describe('PGlite backups', () => {
	test('a snapshot of an open database restores into an empty data dir with every committed report', async () => {
		const source = join(tempDir('bosai-backup-src-'), 'data');
		const db = await openDatabase({ driver: 'pglite', dataDir: source });
		await createFixtures(db);
		await addReports(db, 25);
		// The snapshot waits for the queue: reports submitted before it are in it, later ones are not.
		const pending = addReports(db, 1);
		const file = await writePgliteBackup(db, tempDir('bosai-backups-'));
		await pending;
		await addReports(db, 5);
		expect(await reportCount(db)).toBe(31);
		const version = await schemaVersion(db);
		await db.close();
		expect(parseBackupName(basename(file))?.schemaVersion).toBe(version);

		const target = join(tempDir('bosai-restore-'), 'data');
		await restorePglite(file, target);
		expect(existsSync(join(target, 'backup-requests'))).toBe(false);
		const restored = await openDatabase({ driver: 'pglite', dataDir: target });
		try {
			const count = await reportCount(restored);
			expect([25, 26]).toContain(count);
			const rows = await restored.asUser(claimsOf('hq'), (tx) =>
				tx.query('select 1 from public.shelter_reports')
			);
			expect(rows.rows.length).toBe(count);
		} finally {
			await restored.close();
		}
	}, 60_000);

	test('refuses to restore over a data dir that holds anything, and changes nothing there', async () => {
		const target = tempDir('bosai-restore-busy-');
		writeFileSync(join(target, 'PG_VERSION'), '18');
		await expect(restorePglite('/nonexistent.pglite.tar.gz', target)).rejects.toBeInstanceOf(
			RestoreRefusedError
		);
		expect(readdirSync(target)).toEqual(['PG_VERSION']);
	});

	test('a backup of the previous schema version is migrated on the next open', async () => {
		// A project root whose migrations stop one short of ours: the previous release.
		const root = tempDir('bosai-previous-release-');
		const all = migrationFiles();
		mkdirSync(join(root, 'supabase', 'migrations'), { recursive: true });
		mkdirSync(join(root, 'src/lib/server/db'), { recursive: true });
		cpSync(resolve('src/lib/server/db/shim.sql'), join(root, 'src/lib/server/db/shim.sql'));
		for (const m of all.slice(0, -1)) {
			writeFileSync(join(root, 'supabase', 'migrations', `${m.version}_${m.name}.sql`), m.sql);
		}
		const previous = await openDatabase({ driver: 'pglite', dataDir: join(root, 'data'), migrate: false });
		const { applyMigrations } = await import('#lib/server/db/setup.ts');
		await applyMigrations(previous, root);
		await createFixtures(previous);
		await addReports(previous, 3);
		expect(await schemaVersion(previous)).toBe(all.at(-2)?.version);
		const file = await writePgliteBackup(previous, tempDir('bosai-backups-old-'));
		await previous.close();

		const target = join(tempDir('bosai-restore-old-'), 'data');
		await restorePglite(file, target);
		const current = await openDatabase({ driver: 'pglite', dataDir: target });
		try {
			expect(await schemaVersion(current)).toBe(all.at(-1)?.version);
			expect(await reportCount(current)).toBe(3);
		} finally {
			await current.close();
		}
	}, 60_000);
});

describe('PostgreSQL backups', () => {
	test('pg_dump while the database is in use, pg_restore into an empty database: every committed report is there, RLS intact', async () => {
		const cluster = await startPostgres();
		try {
			const url = await cluster.createDatabase('bosai_backup_src');
			const db = await openDatabase({ driver: 'postgres', connectionString: url });
			await createFixtures(db);
			await addReports(db, 20);
			const file = await writePgDump(url, tempDir('bosai-pgdump-'));
			await addReports(db, 3);
			await db.close();

			const empty = await cluster.createDatabase('bosai_backup_dst');
			await restorePgDump(file, empty);
			const restored = await openDatabase({ driver: 'postgres', connectionString: empty });
			try {
				expect(await reportCount(restored)).toBe(20);
				// RLS came back with the grants: anonymous callers still see no report.
				const anon = await restored.asUser(null, (tx) => tx.query('select 1 from public.shelter_reports'));
				expect(anon.rows).toHaveLength(0);
			} finally {
				await restored.close();
			}
			await expect(restorePgDump(file, empty)).rejects.toBeInstanceOf(RestoreRefusedError);
		} finally {
			await cluster.stop();
		}
	}, 120_000);
});
