/**
 * Realtime from the triggers, on both drivers: a report gives a public `shelters` message with
 * only public fields and a private `hq` message with the full report; messages reach only their
 * shelter's topic; reads of realtime.messages as each caller follow the RLS policies; master-data
 * edits and late (older) reports announce nothing public; drill mode stamps and clears.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RealtimeMessage } from '#lib/server/db/types.ts';
import {
	type Actor,
	type OpenedDatabase,
	claimsOf,
	createFixtures,
	drivers,
	openTestDatabase,
	reportBody,
	rpc,
	shelterA
} from './db-fixtures.ts';

describe.each(drivers)('realtime on %s', (driver) => {
	let opened: OpenedDatabase;
	const received: RealtimeMessage[] = [];

	beforeAll(async () => {
		opened = await openTestDatabase(driver);
		await createFixtures(opened.db);
		opened.db.onRealtime((message) => received.push(message));
	}, 120_000);
	afterAll(async () => opened?.close(), 30_000);

	/** Waits until onRealtime delivered `count` messages after `from`. */
	async function delivered(from: number, count: number): Promise<RealtimeMessage[]> {
		const deadline = Date.now() + 15_000;
		while (received.length < from + count && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
		return received.slice(from);
	}

	/** The realtime rows `actor` may read, as the embedded SSE replay reads them. */
	async function readable(actor: Actor, topic: string): Promise<number[]> {
		const result = await opened.db.asUser(claimsOf(actor), (tx) =>
			tx.query<{ id: number }>('select id from realtime.messages where topic = $1 order by id', [topic])
		);
		return result.rows.map((row) => Number(row.id));
	}

	test('every message arrives once, in id order, equal to its stored row: also one too big for NOTIFY and one after a rolled-back send', async () => {
		const from = received.length;
		const send = (payload: unknown) =>
			opened.db.asService((tx) =>
				tx.query(`select realtime.send($1::jsonb, 'synthetic', 'synthetic-topic', true)`, [
					JSON.stringify(payload)
				])
			);
		await send({ n: 1 });
		// Too big for the 8,000-byte payload: announced by id only, read from the table.
		await send({ n: 2, filler: 'x'.repeat(10_000) });
		// A send that rolls back leaves a gap in the ids: the next message is read, not skipped.
		await opened.db
			.asService(async (tx) => {
				await tx.query(`select realtime.send('{"n":0}'::jsonb, 'synthetic', 'synthetic-topic', true)`);
				throw new Error('synthetic rollback');
			})
			.catch(() => undefined);
		await send({ n: 3 });
		await send({ n: 4 });
		const messages = (await delivered(from, 4)).filter((m) => m.topic === 'synthetic-topic');
		expect(messages.map((m) => (m.payload as { n: number }).n)).toEqual([1, 2, 3, 4]);
		const stored = await opened.db.asService((tx) =>
			tx.query<{ id: number; payload: unknown; inserted_at: Date | string }>(
				`select id, payload, inserted_at from realtime.messages where topic = 'synthetic-topic' order by id`
			)
		);
		expect(messages.map((m) => [m.id, m.payload])).toEqual(stored.rows.map((r) => [Number(r.id), r.payload]));
		for (const [i, row] of stored.rows.entries()) {
			const at = row.inserted_at instanceof Date ? row.inserted_at : new Date(row.inserted_at);
			expect(Math.abs(Date.parse(messages[i].inserted_at) - at.getTime())).toBeLessThan(1000);
		}
		expect(messages[2].id).toBeGreaterThan(messages[1].id + 1);
	});

	test('a report announces public status on shelters and the full report on hq', async () => {
		const from = received.length;
		const body = reportBody(shelterA, { evacuees: 40, note: 'synthetic private note', needs: ['medical'] });
		await rpc(opened.db, 'staffA', 'public.submit_report($1)', [body]);
		const messages = await delivered(from, 3);
		expect(messages.map((m) => [m.topic, m.event, m.private])).toEqual([
			['shelters', 'status', false],
			[`shelter:${shelterA}`, 'status', true],
			['hq', 'report', true]
		]);
		const [publicMessage, staffMessage, hqMessage] = messages;
		expect(staffMessage.payload).toEqual(publicMessage.payload);
		expect(Object.keys(publicMessage.payload as object).sort()).toEqual([
			'crowding',
			'drill',
			'shelter_id',
			'status',
			'updated_at'
		]);
		expect(publicMessage.payload).toMatchObject({ shelter_id: shelterA, status: 'open', drill: false });
		expect(JSON.stringify(publicMessage.payload)).not.toContain('synthetic private note');
		expect(hqMessage.payload).toMatchObject({
			client_id: body.client_id,
			evacuees: 40,
			note: 'synthetic private note',
			needs: ['medical']
		});
		expect(hqMessage.id).toBeGreaterThan(publicMessage.id);

		expect(await readable('anon', 'hq')).toEqual([]);
		expect(await readable('staffA', 'hq')).toEqual([]);
		expect(await readable('hq', 'hq')).toContain(hqMessage.id);
		expect(await readable('anon', 'shelters')).toContain(publicMessage.id);
	});

	test('concurrent reports are delivered once each, in id order, with nothing skipped', async () => {
		const from = received.length;
		const head = await opened.db.asService((tx) =>
			tx.query<{ id: number }>('select coalesce(max(id), 0)::int as id from realtime.messages')
		);
		const n = 20;
		// One client time and one staff account for all: each report then also updates the status
		// (HQ's reports would count at their receive time and win over the rest).
		const reportedAt = new Date().toISOString();
		await Promise.all(
			Array.from({ length: n }, () =>
				rpc(opened.db, 'staffA', 'public.submit_report($1)', [
					reportBody(shelterA, { reported_at: reportedAt })
				])
			)
		);
		const messages = await delivered(from, 3 * n);
		const ids = messages.map((m) => m.id);
		expect(ids).toEqual([...ids].sort((a, b) => a - b));
		expect(new Set(ids).size).toBe(ids.length);
		const stored = await opened.db.asService((tx) =>
			tx.query<{ id: number }>('select id from realtime.messages where id > $1 order by id', [
				head.rows[0].id
			])
		);
		expect(ids).toEqual(stored.rows.map((row) => Number(row.id)));
		expect(messages.filter((m) => m.topic === 'hq')).toHaveLength(n);
	});

	test('a message to shelter A reaches shelter:A and hq; staff B cannot read it', async () => {
		const from = received.length;
		await rpc(opened.db, 'hq', 'public.send_message($1)', [{ shelter_id: shelterA, body: 'synthetic' }]);
		const messages = await delivered(from, 2);
		expect(messages.map((m) => m.topic)).toEqual([`shelter:${shelterA}`, 'hq']);
		expect(await readable('staffB', `shelter:${shelterA}`)).toEqual([]);
		expect(await readable('anon', `shelter:${shelterA}`)).toEqual([]);
		expect(await readable('staffA', `shelter:${shelterA}`)).toContain(messages[0].id);
		expect(await readable('hq', `shelter:${shelterA}`)).toContain(messages[0].id);
	});

	test('editing master data announces nothing; a late older report changes no public status', async () => {
		const from = received.length;
		await opened.db.asUser(claimsOf('hq'), (tx) =>
			tx.query(`update public.shelters set name = 'Synthetic A (renamed)' where id = $1`, [shelterA])
		);
		const older = reportBody(shelterA, {
			status: 'closed',
			reported_at: new Date(Date.now() - 3_600_000).toISOString()
		});
		await rpc(opened.db, 'staffA', 'public.submit_report($1)', [older]);
		const messages = await delivered(from, 1);
		expect(messages.map((m) => [m.topic, m.event])).toEqual([['hq', 'report']]);
		const status = await opened.db.asUser(null, (tx) =>
			tx.query<{ status: string }>('select status from public.shelter_status where shelter_id = $1', [
				shelterA
			])
		);
		expect(status.rows[0].status).toBe('open');
	});

	test('drill mode stamps reports and alerts, and ending it clears drill statuses', async () => {
		const start = received.length;
		await rpc(opened.db, 'hq', 'public.set_drill_mode(true)');
		const switched = await delivered(start, 1);
		expect(switched.map((m) => [m.topic, m.event, m.payload])).toEqual([
			['alerts', 'drill_mode', { drill: true }]
		]);
		const from = received.length;
		await rpc(opened.db, 'staffA', 'public.submit_report($1)', [
			reportBody(shelterA, { status: 'preparing' })
		]);
		const alert = await rpc<{ drill: boolean }>(opened.db, 'hq', 'public.issue_alert($1)', [
			{ level: 4, hazard: 'flood', areas: ['all'], text: { ja: '訓練 synthetic', en: 'drill' } }
		]);
		expect(alert.drill).toBe(true);
		const messages = await delivered(from, 4);
		expect(messages[0].payload).toMatchObject({ status: 'preparing', drill: true });
		expect(messages[3]).toMatchObject({ topic: 'alerts', event: 'issued', private: false });
		expect(messages[3].payload).not.toHaveProperty('issued_by');

		const end = received.length;
		await rpc(opened.db, 'hq', 'public.set_drill_mode(false)');
		const ended = await delivered(end, 2);
		expect(ended.map((m) => [m.topic, m.event])).toEqual([
			['alerts', 'drill_mode'],
			['shelters', 'status_cleared']
		]);
		const status = await opened.db.asUser(null, (tx) =>
			tx.query('select 1 from public.shelter_status where shelter_id = $1', [shelterA])
		);
		expect(status.rows).toEqual([]);
	});
});
