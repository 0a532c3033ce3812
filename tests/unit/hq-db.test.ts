/**
 * HQ SQL (supabase/migrations/20261125100000_hq.sql) on embedded PGlite with the real migrations
 * and RLS: the HQ snapshot, the all-or-nothing shelter import, the audit view. Synthetic rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HqShelter } from '#lib/hq/types.ts';
import {
	claimsOf,
	createFixtures,
	openTestDatabase,
	reportBody,
	rpc,
	shelterA,
	type OpenedDatabase
} from './db-fixtures.ts';

let opened: OpenedDatabase;
const count = async () =>
	opened.db.asService(async (tx) => {
		const r = await tx.query<{ n: number }>('select count(*)::int as n from public.shelters');
		return r.rows[0]!.n;
	});

const importRow = (id: string, overrides: Record<string, unknown> = {}) => ({
	id,
	name: `合成 ${id}`,
	address: '',
	kind: 'shelter',
	lon: 139.58,
	lat: 35.63,
	capacity: 100,
	hazards: ['flood'],
	welfare: false,
	accepted_people: null,
	inside_city: true,
	notes: null,
	sources: [],
	hidden: false,
	ad_hoc: false,
	...overrides
});

beforeAll(async () => {
	opened = await openTestDatabase('pglite');
	await createFixtures(opened.db);
}, 60_000);
afterAll(async () => opened?.close());

describe('hq_shelters', () => {
	it('gives HQ every shelter (hidden too) with the full latest report', async () => {
		await rpc(opened.db, 'staffA', 'public.submit_report($1::jsonb)', [
			JSON.stringify(reportBody(shelterA, { evacuees: 33, needs: ['food'] }))
		]);
		const list = await rpc<HqShelter[]>(opened.db, 'hq', 'public.hq_shelters()');
		expect(list.map((s) => s.id).sort()).toEqual(['synthetic-A', 'synthetic-B', 'synthetic-C']);
		const a = list.find((s) => s.id === shelterA)!;
		expect(a.status).toMatchObject({ status: 'open', evacuees: 33, needs: ['food'] });
		expect(list.find((s) => s.id === 'synthetic-B')!.hidden).toBe(true);
	});

	it.each(['staffA', 'anon'] as const)('refuses %s with 42501', async (actor) => {
		await expect(rpc(opened.db, actor, 'public.hq_shelters()')).rejects.toMatchObject({
			code: '42501'
		});
	});
});

describe('import_shelters', () => {
	it('writes nothing when one row breaks a check', async () => {
		const before = await count();
		const rows = [importRow('imp-1'), importRow('imp-2', { capacity: 0 })];
		await expect(
			rpc(opened.db, 'hq', 'public.import_shelters($1::jsonb)', [JSON.stringify(rows)])
		).rejects.toMatchObject({ code: '23514' });
		expect(await count()).toBe(before);
	});

	it('adds and updates in one go, designated shelters included, and announces nothing', async () => {
		const before = await count();
		const head = await opened.db.asService(
			async (tx) =>
				(await tx.query<{ n: string }>('select coalesce(max(id),0)::text as n from realtime.messages'))
					.rows[0]!.n
		);
		const first = await rpc(opened.db, 'hq', 'public.import_shelters($1::jsonb)', [
			JSON.stringify([importRow('imp-1'), importRow(shelterA, { name: '改名 A' })])
		]);
		expect(first).toEqual({ added: 1, updated: 1 });
		expect(await count()).toBe(before + 1);
		const sent = await opened.db.asService(
			async (tx) => (await tx.query('select id from realtime.messages where id > $1::bigint', [head])).rows
		);
		expect(sent).toEqual([]);
	});

	it('refuses staff', async () => {
		await expect(
			rpc(opened.db, 'staffA', 'public.import_shelters($1::jsonb)', [JSON.stringify([importRow('x')])])
		).rejects.toMatchObject({ code: '42501' });
	});
});

describe('hq_audit', () => {
	it('lists changes with actor names, filtered, HQ only', async () => {
		const rows = await rpc<{ table_name: string; action: string; actor_name: string | null }[]>(
			opened.db,
			'hq',
			'public.hq_audit($1::jsonb)',
			[JSON.stringify({ table: 'shelters', action: 'UPDATE' })]
		);
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((r) => r.table_name === 'shelters' && r.action === 'UPDATE')).toBe(true);
		expect(rows[0]!.actor_name).toBe('synthetic-hq');
		const none = await rpc<unknown[]>(opened.db, 'hq', 'public.hq_audit($1::jsonb)', [
			JSON.stringify({ actor: 'no-such-person' })
		]);
		expect(none).toEqual([]);
		await expect(
			opened.db.asUser(claimsOf('staffB'), (tx) => tx.query("select public.hq_audit('{}'::jsonb)"))
		).rejects.toMatchObject({ code: '42501' });
	});
});
