/**
 * Brings a database to the current schema: the Supabase platform shim, then every
 * supabase/migrations/*.sql not applied yet, in name order, each in its own transaction together
 * with its row in supabase_migrations.schema_migrations (the table the Supabase CLI uses).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './types.ts';

/** The project root: found from this file (source or bundled build) or the working directory. */
export function projectRoot(): string {
	if (process.env.BOSAI_ROOT) return resolve(process.env.BOSAI_ROOT);
	let dir = dirname(fileURLToPath(import.meta.url));
	for (;;) {
		if (existsSync(join(dir, 'supabase', 'migrations'))) return dir;
		const parent = dirname(dir);
		if (parent === dir) return process.cwd();
		dir = parent;
	}
}

export function shimSql(root = projectRoot()): string {
	return readFileSync(join(root, 'src/lib/server/db/shim.sql'), 'utf8');
}

export interface MigrationFile {
	version: string;
	name: string;
	sql: string;
}

/** `20261125000100_schema.sql` → version `20261125000100`, name `schema`. */
export function migrationFiles(root = projectRoot()): MigrationFile[] {
	const dir = join(root, 'supabase', 'migrations');
	return readdirSync(dir)
		.filter((file) => /^\d+_[\w-]+\.sql$/.test(file))
		.sort()
		.map((file) => {
			const [, version, name] = /^(\d+)_([\w-]+)\.sql$/.exec(file) ?? [];
			return { version, name, sql: readFileSync(join(dir, file), 'utf8') };
		});
}

const bookkeepingSql = `
	create schema if not exists supabase_migrations;
	create table if not exists supabase_migrations.schema_migrations (
		version text primary key,
		name text,
		applied_at timestamptz not null default now()
	);`;

/** Applies the shim (not on Supabase) and the pending migrations; returns the versions it applied. */
export async function applyMigrations(db: Database, root = projectRoot()): Promise<string[]> {
	const shim = shimSql(root);
	await db.asService(async (tx) => {
		// Two processes starting against one PostgreSQL server must not migrate at the same time.
		await tx.query('select pg_advisory_xact_lock(7355609)');
		// A Supabase database has the real auth and realtime schemas: the shim would replace
		// auth.uid() and realtime.send() there. Every Supabase Postgres has the supabase_admin role.
		const supabase = await tx.query(`select 1 from pg_roles where rolname = 'supabase_admin'`);
		if (supabase.rows.length === 0) await tx.exec(shim);
		await tx.exec(bookkeepingSql);
	});
	const applied: string[] = [];
	for (const migration of migrationFiles(root)) {
		const done = await db.asService(async (tx) => {
			await tx.query('select pg_advisory_xact_lock(7355609)');
			const seen = await tx.query('select 1 from supabase_migrations.schema_migrations where version = $1', [
				migration.version
			]);
			if (seen.rows.length > 0) return false;
			await tx.exec(migration.sql);
			await tx.query('insert into supabase_migrations.schema_migrations (version, name) values ($1, $2)', [
				migration.version,
				migration.name
			]);
			return true;
		});
		if (done) applied.push(migration.version);
	}
	return applied;
}

/**
 * Drops realtime messages older than `keepDays`, as Supabase Realtime does with its daily
 * partitions: they only serve reconnecting subscribers, and a client away that long refetches.
 */
export async function pruneRealtime(db: Database, keepDays = 3): Promise<number> {
	const result = await db.asService((tx) =>
		tx.query<{ n: number }>(
			`with gone as (delete from realtime.messages
			   where inserted_at < now() - make_interval(days => $1::int) returning 1)
			 select count(*)::int as n from gone`,
			[keepDays]
		)
	);
	return result.rows[0].n;
}
