/**
 * Issue 16, the numbers in SQL (both drivers, real migrations and RLS): the split counts refused by
 * the report RPC and by the table's checks themselves (nothing written), opened_at / closed_at set
 * by the status change, 余力 and 定員状況 derived from HQ's structured capacity, and the open-data
 * functions that leave hidden shelters and non-public fields out.
 */
import { describe, expect, test } from 'vitest';
import type { HqShelter } from '#lib/hq/types.ts';
import {
	type Actor,
	type FixtureDatabase,
	claimsOf,
	countReports,
	drivers,
	fixtureDatabase,
	probe,
	reportBody,
	rpc,
	shelterA,
	shelterB
} from './db-fixtures.ts';

async function shelterOf(opened: FixtureDatabase, id: string): Promise<HqShelter> {
	const list = await rpc<HqShelter[]>(opened.db, 'hq', 'public.hq_shelters()');
	return list.find((s) => s.id === id)!;
}

async function submit(opened: FixtureDatabase, actor: Actor, body: Record<string, unknown>) {
	return probe(opened.db, actor, (tx) => tx.query('select public.submit_report($1) as r', [body]));
}

/** Each refused case: the body fields, and the SQLSTATE that must answer it. */
const refused: [string, Record<string, unknown>, string][] = [
	['a split that does not add up', { evacuees: 10, evacuees_male: 4, evacuees_female: 5 }, '23514'],
	['a negative count', { evacuees: 10, evacuees_male: -1, evacuees_female: 11 }, '23514'],
	['a non-integer count', { evacuees: 10, evacuees_male: 4.5, evacuees_female: 5.5 }, '22P02'],
	['男 without 総数', { evacuees: null, evacuees_male: 3 }, '23514'],
	['more households than people', { evacuees: 2, households: 3 }, '23514'],
	['more 要配慮者 than people', { evacuees: 2, needs_care: 3 }, '23514'],
	['a negative 外部避難者', { evacuees: 2, external_evacuees: -4 }, '23514']
];

describe.each(drivers)('report numbers on %s', (driver) => {
	const opened = fixtureDatabase(driver);

	test.each(refused)('the report RPC refuses %s and writes nothing', async (_name, fields, code) => {
		const before = await countReports(opened.db);
		const outcome = await submit(opened, 'staffA', reportBody(shelterA, fields));
		expect(outcome).toMatchObject({ code });
		// Committed for real (not the probe's rollback): still nothing written.
		await expect(
			rpc(opened.db, 'staffA', 'public.submit_report($1)', [reportBody(shelterA, fields)])
		).rejects.toMatchObject({ code });
		expect(await countReports(opened.db)).toBe(before);
	});

	test('the table checks refuse the same rows on their own (platform insert), and staff cannot insert directly', async () => {
		for (const [, fields] of refused.filter(([, , code]) => code === '23514')) {
			const insert = opened.db.asService((tx) =>
				tx.query(
					`insert into public.shelter_reports (client_id, shelter_id, status, evacuees, crowding,
						reported_at, evacuees_male, evacuees_female, households, needs_care, external_evacuees)
					 values (gen_random_uuid(), $1, 'open', $2, 'vacant', now(), $3, $4, $5, $6, $7)`,
					[
						shelterA,
						fields.evacuees ?? null,
						fields.evacuees_male ?? null,
						fields.evacuees_female ?? null,
						fields.households ?? null,
						fields.needs_care ?? null,
						fields.external_evacuees ?? null
					]
				)
			);
			await expect(insert).rejects.toMatchObject({ code: '23514' });
		}
		const direct = await probe(opened.db, 'staffA', (tx) =>
			tx.query(
				`insert into public.shelter_reports (client_id, shelter_id, status, evacuees, crowding, reported_at)
				 values (gen_random_uuid(), $1, 'open', 1, 'vacant', now()) returning id`,
				[shelterA]
			)
		);
		expect(direct).toMatchObject({ code: '42501' });
	});

	test('a split that adds up is stored and HQ sees every number', async () => {
		await rpc(opened.db, 'staffA', 'public.submit_report($1)', [
			reportBody(shelterA, {
				status: 'preparing',
				evacuees: 10,
				evacuees_male: 4,
				evacuees_female: 5,
				evacuees_undisclosed: 1,
				households: 6,
				needs_care: 2,
				external_evacuees: 7
			})
		]);
		const status = (await shelterOf(opened, shelterA)).status!;
		expect(status).toMatchObject({
			evacuees: 10,
			evacuees_male: 4,
			evacuees_female: 5,
			evacuees_undisclosed: 1,
			households: 6,
			needs_care: 2,
			external_evacuees: 7,
			opened_at: null,
			closed_at: null
		});
	});

	test('opened_at is set by the first open after not open, closed_at by closing', async () => {
		const send = (status: string) =>
			rpc(opened.db, 'staffA', 'public.submit_report($1)', [reportBody(shelterA, { status })]);
		await send('open');
		const first = (await shelterOf(opened, shelterA)).status!;
		expect(first.opened_at).not.toBeNull();
		expect(first.closed_at).toBeNull();
		await send('open');
		expect((await shelterOf(opened, shelterA)).status!.opened_at).toBe(first.opened_at);
		await send('closed');
		const closed = (await shelterOf(opened, shelterA)).status!;
		expect(closed.opened_at).toBe(first.opened_at);
		expect(closed.closed_at).not.toBeNull();
		expect(Date.parse(closed.closed_at!)).toBeGreaterThanOrEqual(Date.parse(first.opened_at!));
		await send('open');
		const reopened = (await shelterOf(opened, shelterA)).status!;
		expect(Date.parse(reopened.opened_at!)).toBeGreaterThanOrEqual(Date.parse(closed.closed_at!));
		expect(reopened.closed_at).toBeNull();
	});

	test('余力 and 定員状況 are derived from HQ capacity, the count and 満員 (staff judgement)', async () => {
		await opened.db.asUser(claimsOf('hq'), (tx) =>
			tx.query('update public.shelters set capacity_indoor = 50, capacity_outdoor = 300 where id = $1', [
				shelterA
			])
		);
		const send = (fields: Record<string, unknown>) =>
			rpc(opened.db, 'staffA', 'public.submit_report($1)', [
				reportBody(shelterA, { status: 'open', ...fields })
			]);
		await send({ evacuees: 20, crowding: 'slightly_crowded' });
		expect((await shelterOf(opened, shelterA)).status).toMatchObject({
			remaining: 30,
			capacity_state: 'available'
		});
		await send({ evacuees: 55, crowding: 'crowded' });
		expect((await shelterOf(opened, shelterA)).status).toMatchObject({
			remaining: 0,
			capacity_state: 'full'
		});
		await send({ evacuees: 5, crowding: 'full' });
		expect((await shelterOf(opened, shelterA)).status).toMatchObject({
			remaining: 45,
			capacity_state: 'full'
		});
		await send({ evacuees: null, crowding: 'vacant' });
		expect((await shelterOf(opened, shelterA)).status).toMatchObject({
			remaining: null,
			capacity_state: 'unknown'
		});
		const shelter = await shelterOf(opened, shelterA);
		expect([shelter.capacity_indoor, shelter.capacity_outdoor]).toEqual([50, 300]);
	});

	test('HQ sets capacity; staff and anon cannot', async () => {
		for (const actor of ['staffA', 'anon'] as const) {
			const outcome = await probe(opened.db, actor, (tx) =>
				tx.query(`update public.shelters set capacity_indoor = 1 where id = $1 returning id`, [shelterA])
			);
			expect('rows' in outcome ? outcome.rows.length : 0).toBe(0);
		}
		const bad = await probe(opened.db, 'hq', (tx) =>
			tx.query(`update public.shelters set capacity_indoor = -1 where id = $1 returning id`, [shelterA])
		);
		expect(bad).toMatchObject({ code: '23514' });
	});

	test('the open feed has public fields only and never a hidden shelter, for every caller', async () => {
		await rpc(opened.db, 'staffB', 'public.submit_report($1)', [reportBody(shelterB, { status: 'open' })]);
		for (const actor of ['anon', 'staffB', 'hq'] as const) {
			const feed = await rpc<Record<string, unknown>[]>(opened.db, actor, 'public.open_shelter_status()');
			expect(feed.map((row) => row.id)).not.toContain(shelterB);
			expect(feed.map((row) => row.id)).toContain(shelterA);
			for (const row of feed) {
				expect(Object.keys(row).sort()).toEqual(
					['capacity_state', 'drill', 'id', 'name', 'status', 'updated_at'].sort()
				);
			}
			const day = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
			const history = await rpc<Record<string, unknown>[]>(
				opened.db,
				actor,
				'public.open_status_history($1::date)',
				[day]
			);
			expect(history.length).toBeGreaterThan(0);
			expect(history.map((row) => row.id)).not.toContain(shelterB);
			for (const row of history) {
				expect(Object.keys(row).sort()).toEqual(
					['crowding', 'drill', 'id', 'name', 'received_at', 'status'].sort()
				);
			}
		}
	});
});
