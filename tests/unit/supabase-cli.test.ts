/**
 * The real Supabase CLI (npm `supabase`, pinned 2.117.0) as a judge of our migrations: `db push`
 * and `migration list` against a real PostgreSQL server that carries only our platform shim (the
 * stand-in for Supabase's own `auth` and `realtime` schemas). The hosted Supabase service is the
 * one thing not here; the CLI's push path needs no Docker. A migration the CLI refuses fails this
 * test, and a deliberately broken fixture proves the step can fail.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '#lib/server/db/index.ts';
import { applyMigrations, migrationFiles, shimSql } from '#lib/server/db/setup.ts';
import { startPostgres, type PostgresCluster } from '../support/postgres.ts';

const cli = resolve('node_modules/.bin/supabase');
let cluster: PostgresCluster;
const workdirs: string[] = [];

beforeAll(async () => {
	cluster = await startPostgres();
}, 60_000);
afterAll(async () => {
	await cluster?.stop();
	for (const dir of workdirs) rmSync(dir, { recursive: true, force: true });
});

/** A database with only the shim, as a fresh Supabase project has only the platform schemas. */
async function databaseWithShim(name: string): Promise<string> {
	const url = await cluster.createDatabase(name);
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query(shimSql());
	} finally {
		await client.end();
	}
	// The CLI insists on TLS unless told otherwise; the test cluster has none.
	return `${url.replace('postgres://', 'postgresql://')}?sslmode=disable`;
}

/** A temp project folder (the CLI writes ./supabase/.temp and ~/.supabase) with these migrations. */
function projectWith(extra: Record<string, string> = {}): string {
	const dir = mkdtempSync(join(tmpdir(), 'bosai-supabase-cli-'));
	workdirs.push(dir);
	const migrations = join(dir, 'supabase', 'migrations');
	mkdirSync(migrations, { recursive: true });
	cpSync(resolve('supabase/migrations'), migrations, { recursive: true });
	for (const [file, sql] of Object.entries(extra)) writeFileSync(join(migrations, file), sql);
	return dir;
}

function supabase(dir: string, args: string[]) {
	const run = spawnSync(cli, args, {
		cwd: dir,
		env: { ...process.env, HOME: dir, SUPABASE_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
		encoding: 'utf8',
		timeout: 120_000
	});
	return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

async function appliedVersions(url: string): Promise<string[]> {
	const client = new pg.Client({ connectionString: url.replace('?sslmode=disable', '') });
	await client.connect();
	try {
		const result = await client.query<{ version: string }>(
			'select version from supabase_migrations.schema_migrations order by version'
		);
		return result.rows.map((row) => row.version);
	} finally {
		await client.end();
	}
}

describe('the Supabase CLI', () => {
	test('pushes every migration onto a database with the platform shim, and lists them as applied', async () => {
		const url = await databaseWithShim('cli_ok');
		const dir = projectWith();
		const push = supabase(dir, ['db', 'push', '--db-url', url, '--include-all', '--yes']);
		expect(push.status, push.output).toBe(0);

		const versions = migrationFiles().map((m) => m.version);
		expect(await appliedVersions(url)).toEqual(versions);

		const list = supabase(dir, ['migration', 'list', '--db-url', url]);
		expect(list.status, list.output).toBe(0);
		for (const version of versions) {
			// Each row reads "local | remote | time": applied means the version stands on both sides.
			expect(list.output).toMatch(new RegExp(`\`${version}\`\\s*\\|\\s*\`${version}\``));
		}

		// Our own migrator agrees with the CLI's bookkeeping: nothing left to apply, schema usable.
		const db = await openDatabase({
			driver: 'postgres',
			connectionString: url.replace('?sslmode=disable', ''),
			migrate: false
		});
		try {
			expect(await applyMigrations(db)).toEqual([]);
			const rls = await db.asService((tx) =>
				tx.query<{ n: number }>(
					`select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
					 where n.nspname = 'public' and c.relkind = 'r' and not c.relrowsecurity`
				)
			);
			expect(rls.rows[0].n, 'public tables without RLS').toBe(0);
		} finally {
			await db.close();
		}
	}, 180_000);

	test('refuses a broken migration and records nothing of it', async () => {
		const url = await databaseWithShim('cli_broken');
		const broken = '29991231000000_broken_fixture.sql';
		// Synthetic fixture: a column of a table that does not exist.
		const dir = projectWith({ [broken]: 'alter table public.no_such_table add column x int;\n' });
		expect(readdirSync(join(dir, 'supabase', 'migrations'))).toContain(broken);
		const push = supabase(dir, ['db', 'push', '--db-url', url, '--include-all', '--yes']);
		expect(push.status, push.output).not.toBe(0);
		expect(push.output).toMatch(/no_such_table/);
		expect(await appliedVersions(url)).not.toContain('29991231000000');
	}, 180_000);
});
