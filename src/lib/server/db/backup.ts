/**
 * Backups of either database, and restores into an empty one.
 * - PGlite (embedded): `Database.dumpDataDir()` inside the running server (PGlite is one process:
 *   nobody else may open its data dir), restored with PGlite's `loadDataDir` into an empty dir.
 * - PostgreSQL: `pg_dump -Fc` / `pg_restore` (Debian's postgresql-client), consistent by
 *   PostgreSQL's own snapshot while the servers run.
 * A restored backup of an older schema is brought up to date by the next start (applyMigrations).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { backupFileName, expiredBackups } from '#lib/backup/names.ts';
import { lockFileName } from '../api/data-dir-lock.ts';
import { shimSql } from './setup.ts';
import type { Database } from './types.ts';

/** Where `npm run backup` leaves its requests for the running server (backup-service.ts). */
export const backupRequestDir = 'backup-requests';

export async function schemaVersion(db: Database): Promise<string> {
	const result = await db.asService((tx) =>
		tx.query<{ version: string | null }>(
			'select max(version) as version from supabase_migrations.schema_migrations'
		)
	);
	return result.rows[0]?.version ?? '0';
}

/** Writes a consistent PGlite snapshot into `dir` (temp file + rename: never a half file); returns its path. */
export async function writePgliteBackup(db: Database, dir: string, now = new Date()): Promise<string> {
	if (!db.dumpDataDir) throw new Error('this database has no data dir to dump (PostgreSQL: use pg_dump)');
	mkdirSync(dir, { recursive: true });
	const version = await schemaVersion(db);
	const blob = await db.dumpDataDir();
	const file = join(dir, backupFileName(now, version, 'pglite'));
	const partial = `${file}.partial`;
	writeFileSync(partial, Buffer.from(await blob.arrayBuffer()), { mode: 0o600 });
	renameSync(partial, file);
	return file;
}

/** Deletes our backups in `dir` older than `keepDays`; returns what it deleted. */
export function pruneBackups(dir: string, keepDays: number, now = new Date()): string[] {
	if (!existsSync(dir)) return [];
	const gone = expiredBackups(readdirSync(dir), keepDays, now);
	for (const file of gone) rmSync(join(dir, file), { force: true });
	return gone;
}

export class RestoreRefusedError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'RestoreRefusedError';
	}
}

/** Restores a PGlite backup into `dataDir`, which must be empty or missing (nothing is overwritten). */
export async function restorePglite(file: string, dataDir: string): Promise<void> {
	if (existsSync(dataDir) && readdirSync(dataDir).some((entry) => entry !== lockFileName)) {
		throw new RestoreRefusedError(`${dataDir} is not empty: restore into an empty data dir (BOSAI_DATA_DIR)`);
	}
	mkdirSync(dataDir, { recursive: true });
	const { PGlite } = await import('@electric-sql/pglite');
	const db = await PGlite.create({ dataDir, loadDataDir: new Blob([readFileSync(file)]) });
	await db.query('select 1');
	await db.close();
	// The tarball is the whole data dir: it also holds the lock and request files of the server it
	// came from (and its secrets, which are meant to come back). Those two belong to that process.
	rmSync(join(dataDir, lockFileName), { force: true });
	rmSync(join(dataDir, backupRequestDir), { recursive: true, force: true });
}

function run(command: string, args: string[]): Promise<void> {
	return new Promise((resolveRun, reject) => {
		const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
		let stderr = '';
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('error', (error) =>
			reject(new Error(`${command}: ${error.message} (install postgresql-client)`))
		);
		child.on('exit', (code) =>
			code === 0 ? resolveRun() : reject(new Error(`${command} failed (${code}): ${stderr.trim()}`))
		);
	});
}

/** `pg_dump -Fc` of DATABASE_URL into `dir`; returns the file. */
export async function writePgDump(connectionString: string, dir: string, now = new Date()): Promise<string> {
	mkdirSync(dir, { recursive: true });
	const client = new pg.Client({ connectionString });
	await client.connect();
	const version = await client
		.query<{ version: string | null }>(
			'select max(version) as version from supabase_migrations.schema_migrations'
		)
		.then((result) => result.rows[0]?.version ?? '0')
		.finally(() => client.end());
	const file = join(dir, backupFileName(now, version, 'pgdump'));
	const partial = `${file}.partial`;
	await run('pg_dump', ['--format=custom', '--no-owner', `--file=${partial}`, connectionString]);
	renameSync(partial, file);
	return file;
}

/** `pg_restore` into DATABASE_URL, which must hold no bosai-map schema yet. */
export async function restorePgDump(file: string, connectionString: string): Promise<void> {
	const client = new pg.Client({ connectionString });
	await client.connect();
	try {
		const used = await client.query(
			`select 1 from information_schema.tables where table_schema = 'public' and table_name = 'shelters'`
		);
		if (used.rows.length > 0)
			throw new RestoreRefusedError(
				'the database already has bosai-map tables: restore into an empty database'
			);
		// The dump grants to anon/authenticated/service_role, which a new cluster lacks: the shim makes
		// them (and its schemas, which --clean then replaces with the dumped ones).
		await client.query(shimSql());
	} finally {
		await client.end();
	}
	await run('pg_restore', [
		'--no-owner',
		'--clean',
		'--if-exists',
		'--exit-on-error',
		`--dbname=${connectionString}`,
		file
	]);
}
