/**
 * The shim and supabase/migrations apply from empty on PGlite and on a real PostgreSQL server,
 * re-applying is a no-op, every table has RLS, every security definer function pins its
 * search_path, callers get nothing in schema auth, and the SQL vocabularies equal the TS ones.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { applyMigrations, pruneRealtime, seedShelters, upsertShelters } from '#lib/server/db/index.ts';
import { migrationFiles } from '#lib/server/db/setup.ts';
import { crowdingLevels, hazards, needs, shelterKinds, shelterStatuses } from '#lib/domain/vocabulary.ts';
import type { ShelterRecord } from '#lib/domain/shelter.ts';
import { type OpenedDatabase, drivers, openTestDatabase } from './db-fixtures.ts';

const syntheticShelter: ShelterRecord = {
	id: 'synthetic-seed-1',
	name: 'Synthetic seed shelter',
	address: 'synthetic address',
	kind: 'both',
	lon: 139.57,
	lat: 35.63,
	capacity: null,
	hazards: ['flood', 'earthquake'],
	welfare: false,
	accepted_people: null,
	inside_city: true,
	notes: null,
	sources: ['synthetic']
};

/** The quoted codes of one check constraint, e.g. `status in ('a', 'b')` → [a, b]. */
function codesIn(definition: string): string[] {
	return [...definition.matchAll(/'([a-z_]+)'::text/g)].map((m) => m[1]).sort();
}

describe.each(drivers)('migrations on %s', (driver) => {
	let opened: OpenedDatabase;

	beforeAll(async () => {
		opened = await openTestDatabase(driver);
	}, 120_000);
	afterAll(async () => opened?.close(), 30_000);

	test('every migration was applied once, in name order, and re-applying is a no-op', async () => {
		const recorded = await opened.db.asService((tx) =>
			tx.query<{ version: string }>(
				'select version from supabase_migrations.schema_migrations order by applied_at, version'
			)
		);
		expect(recorded.rows.map((r) => r.version)).toEqual(migrationFiles().map((m) => m.version));
		expect(migrationFiles().length).toBeGreaterThanOrEqual(4);
		expect(await applyMigrations(opened.db)).toEqual([]);
	});

	test('RLS is enabled on every table in public and on realtime.messages', async () => {
		const tables = await opened.db.asService((tx) =>
			tx.query<{ name: string; rls: boolean }>(
				`select n.nspname || '.' || c.relname as name, c.relrowsecurity as rls
				 from pg_class c join pg_namespace n on n.oid = c.relnamespace
				 where c.relkind in ('r', 'p') and n.nspname in ('public', 'realtime')
				 order by 1`
			)
		);
		expect(tables.rows.length).toBeGreaterThanOrEqual(10);
		expect(tables.rows.filter((t) => !t.rls)).toEqual([]);
	});

	test('every security definer function has a fixed search_path', async () => {
		const loose = await opened.db.asService((tx) =>
			tx.query<{ name: string }>(
				`select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
				 where n.nspname = 'public' and p.prosecdef
				   and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c
				                   where c like 'search_path=%')`
			)
		);
		expect(loose.rows).toEqual([]);
	});

	test('anon and authenticated have no privilege on any table in schema auth', async () => {
		const granted = await opened.db.asService((tx) =>
			tx.query<{ role: string; table: string }>(
				`select r.rolname as role, c.relname as table
				 from pg_class c join pg_namespace n on n.oid = c.relnamespace
				 cross join (values ('anon'), ('authenticated')) as r(rolname)
				 where n.nspname = 'auth' and c.relkind = 'r'
				   and (has_table_privilege(r.rolname, c.oid, 'select,insert,update,delete')
				        or has_any_column_privilege(r.rolname, c.oid, 'select,insert,update'))`
			)
		);
		expect(granted.rows).toEqual([]);
	});

	test('check constraints use exactly the codes of vocabulary.ts', async () => {
		const checks = await opened.db.asService((tx) =>
			tx.query<{ name: string; def: string }>(
				`select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
				 where contype = 'c' and conrelid in ('public.shelters'::regclass,
				   'public.shelter_reports'::regclass, 'public.shelter_status'::regclass,
				   'public.alerts'::regclass)`
			)
		);
		const def = (name: string) => checks.rows.find((c) => c.name === name)?.def ?? '';
		const sorted = (list: readonly string[]) => [...list].sort();
		expect(codesIn(def('shelters_kind_check'))).toEqual(sorted(shelterKinds));
		expect(codesIn(def('shelters_hazards_check'))).toEqual(sorted(hazards));
		expect(codesIn(def('alerts_hazard_check'))).toEqual(sorted(hazards));
		expect(codesIn(def('shelter_reports_status_check'))).toEqual(sorted(shelterStatuses));
		expect(codesIn(def('shelter_status_status_check'))).toEqual(sorted(shelterStatuses));
		expect(codesIn(def('shelter_reports_crowding_check'))).toEqual(sorted(crowdingLevels));
		expect(codesIn(def('shelter_status_crowding_check'))).toEqual(sorted(crowdingLevels));
		expect(codesIn(def('shelter_reports_needs_check'))).toEqual(sorted(needs));
	});

	test('pruning drops realtime messages older than the retention, keeps the rest', async () => {
		const ids = await opened.db.asService((tx) =>
			tx.query<{ id: number }>(
				`insert into realtime.messages (topic, event, payload, inserted_at) values
				 ('hq', 'synthetic', '{}', now() - interval '4 days'), ('hq', 'synthetic', '{}', now())
				 returning id`
			)
		);
		expect(await pruneRealtime(opened.db, 3)).toBe(1);
		const left = await opened.db.asService((tx) =>
			tx.query<{ id: number }>('select id from realtime.messages where id = any($1::bigint[])', [
				ids.rows.map((row) => row.id)
			])
		);
		expect(left.rows.map((row) => Number(row.id))).toEqual([Number(ids.rows[1].id)]);
	});

	test('seed: upserts, keeps HQ edits, and a missing file is a warning', async () => {
		const first = await upsertShelters(opened.db, [syntheticShelter]);
		expect(first).toEqual({ inserted: 1, updated: 0 });
		// Unchanged data: nothing rewritten (no audit noise at every start).
		expect(await upsertShelters(opened.db, [syntheticShelter])).toEqual({ inserted: 0, updated: 0 });
		const renamed = { ...syntheticShelter, name: 'Synthetic seed shelter (fixed upstream)' };
		expect(await upsertShelters(opened.db, [renamed])).toEqual({ inserted: 0, updated: 1 });
		// An edit made in the app after the seed wins over the next import.
		await opened.db.asService((tx) =>
			tx.query(`update public.shelters set name = 'Synthetic edited by HQ' where id = $1`, [
				syntheticShelter.id
			])
		);
		expect(await upsertShelters(opened.db, [syntheticShelter])).toEqual({ inserted: 0, updated: 0 });
		const name = await opened.db.asUser(null, (tx) =>
			tx.query<{ name: string }>('select name from public.shelters where id = $1', [syntheticShelter.id])
		);
		expect(name.rows[0].name).toBe('Synthetic edited by HQ');

		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		const missing = await seedShelters(opened.db, join(tmpdir(), 'bosai-no-such-dir/shelters.json'));
		expect(missing.total).toBeNull();
		expect(warn).toHaveBeenCalledWith(expect.stringContaining('no shelter data'));
		warn.mockRestore();

		const dir = mkdtempSync(join(tmpdir(), 'bosai-seed-'));
		mkdirSync(join(dir, 'komae'));
		const file = join(dir, 'komae', 'shelters.json');
		writeFileSync(
			file,
			JSON.stringify({ city: 'synthetic', shelters: [{ ...syntheticShelter, kind: 'castle' }] })
		);
		const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const invalid = await seedShelters(opened.db, file);
		expect(invalid).toMatchObject({
			total: null,
			inserted: 0,
			error: expect.stringMatching(/shelters\.0\.kind/)
		});
		writeFileSync(file, '{"shelters": [');
		expect((await seedShelters(opened.db, file)).error).toBe('invalid JSON');
		expect(error).toHaveBeenCalledTimes(2);
		error.mockRestore();
		rmSync(dir, { recursive: true, force: true });
	});
});
