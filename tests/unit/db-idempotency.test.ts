/**
 * submit_report is idempotent on client_id: sent twice, or many times at once (on PostgreSQL over
 * parallel connections), there is one row and every caller gets the same answer. A replay that
 * names another shelter is refused without revealing the stored report.
 */
import type { Claims } from '#lib/server/db/types.ts';
import { describe, expect, test } from 'vitest';
import {
	claimsOf,
	countReports,
	drivers,
	fixtureDatabase,
	reportBody,
	rpc,
	shelterA,
	shelterB
} from './db-fixtures.ts';

interface Ack {
	id: number;
	client_id: string;
	received_at: string;
	duplicate: boolean;
}

describe.each(drivers)('report idempotency on %s', (driver) => {
	const opened = fixtureDatabase(driver);

	const count = (clientId: string) => countReports(opened.db, 'client_id = $1', [clientId]);

	test('the same client_id twice: one row, the same answer, marked duplicate', async () => {
		const body = reportBody(shelterA);
		const first = await rpc<Ack>(opened.db, 'staffA', 'public.submit_report($1)', [body]);
		// The outbox resends after a lost answer; even a changed body does not make a second row.
		const again = await rpc<Ack>(opened.db, 'staffA', 'public.submit_report($1)', [
			{ ...body, evacuees: 999, note: 'synthetic changed' }
		]);
		expect(first.duplicate).toBe(false);
		expect(again).toEqual({ ...first, duplicate: true });
		expect(await count(body.client_id)).toBe(1);
		const stored = await opened.db.asService((tx) =>
			tx.query<{ evacuees: number }>('select evacuees from public.shelter_reports where client_id = $1', [
				body.client_id
			])
		);
		expect(stored.rows[0].evacuees).toBe(12);
	});

	test('the same client_id sent concurrently: one row, one answer for all', async () => {
		const body = reportBody(shelterA);
		const acks = await Promise.all(
			Array.from({ length: 8 }, (_, i) =>
				rpc<Ack>(opened.db, i % 2 ? 'hq' : 'staffA', 'public.submit_report($1)', [body])
			)
		);
		expect(await count(body.client_id)).toBe(1);
		expect(acks.filter((ack) => !ack.duplicate)).toHaveLength(1);
		const answers = new Set(
			acks.map(({ id, client_id, received_at }) => JSON.stringify({ id, client_id, received_at }))
		);
		expect(answers.size).toBe(1);
	});

	test('a replay for another shelter is refused and reveals nothing', async () => {
		const body = reportBody(shelterA, { note: 'synthetic secret note' });
		await rpc<Ack>(opened.db, 'staffA', 'public.submit_report($1)', [body]);
		const replay = rpc(opened.db, 'staffB', 'public.submit_report($1)', [{ ...body, shelter_id: shelterB }]);
		await expect(replay).rejects.toMatchObject({ code: '23505' });
		const error = await replay.catch((e: Error) => e.message);
		expect(error).not.toContain('secret');
		expect(error).not.toContain(shelterA);
		expect(await count(body.client_id)).toBe(1);
	});

	test('a transaction with a swallowed statement error is rolled back and never reported as done', async () => {
		const body = reportBody(shelterA);
		const attempt = opened.db.asUser(claimsOf('staffA'), async (tx) => {
			await tx.query('select public.submit_report($1)', [body]);
			await tx.query('select 1 / 0').catch(() => undefined);
			return 'acknowledged';
		});
		await expect(attempt).rejects.toMatchObject({ code: '22012' });
		expect(await count(body.client_id)).toBe(0);
	});

	test('rows have the same JavaScript shapes on every driver', async () => {
		const body = reportBody(shelterA);
		await rpc(opened.db, 'staffA', 'public.submit_report($1)', [body]);
		const result = await opened.db.asUser(claimsOf('hq'), (tx) =>
			tx.query<Record<string, unknown>>(
				`select r.id, r.client_id, r.evacuees, r.needs, r.drill, r.received_at,
				   to_jsonb(r) as json, (select count(*) from public.shelter_reports) as total
				 from public.shelter_reports as r where r.client_id = $1`,
				[body.client_id]
			)
		);
		const shape = Object.fromEntries(
			Object.entries(result.rows[0]).map(([key, value]) => [
				key,
				value instanceof Date ? 'Date' : Array.isArray(value) ? 'array' : typeof value
			])
		);
		expect(shape).toEqual({
			id: 'number',
			client_id: 'string',
			evacuees: 'number',
			needs: 'array',
			drill: 'boolean',
			received_at: 'Date',
			json: 'object',
			total: 'number'
		});
	});

	test('claims naming any other Postgres role are refused before anything runs', async () => {
		for (const role of ['postgres', 'anon', 'supabase_admin']) {
			const claims = { sub: crypto.randomUUID(), role } as unknown as Claims;
			await expect(opened.db.asUser(claims, (tx) => tx.query('select 1'))).rejects.toThrow(
				/unsupported role/
			);
		}
	});

	test('bad input writes nothing and fails with a client-error SQLSTATE', async () => {
		const before = await countReports(opened.db);
		const cases: [Record<string, unknown>, string][] = [
			[reportBody(shelterA, { evacuees: -1 }), '23514'],
			[reportBody(shelterA, { status: 'burning' }), '23514'],
			[reportBody(shelterA, { needs: ['caviar'] }), '23514'],
			[reportBody(shelterA, { needs: 'water' }), '22023'],
			[reportBody(shelterA, { note: 'x'.repeat(501) }), '23514'],
			[reportBody(shelterA, { client_id: 'not-a-uuid' }), '22P02'],
			[reportBody(shelterA, { reported_at: 'not a date' }), '22007'],
			[reportBody(shelterA, { reported_at: '2999-01-01T00:00:00Z' }), '23514'],
			[reportBody('synthetic-unknown'), '42501'],
			[reportBody(shelterA, { evacuees: 1.5 }), '22P02']
		];
		for (const [body, code] of cases) {
			await expect(
				rpc(opened.db, 'staffA', 'public.submit_report($1)', [body]),
				JSON.stringify(body)
			).rejects.toMatchObject({ code });
		}
		await expect(
			rpc(opened.db, 'hq', 'public.submit_report($1)', [reportBody('synthetic-unknown')])
		).rejects.toMatchObject({ code: 'P0002' });
		expect(await countReports(opened.db)).toBe(before);
	});
});
