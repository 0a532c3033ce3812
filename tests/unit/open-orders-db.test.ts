/**
 * Opening orders (開設指示) on the embedded PGlite with the real migrations: who reads and
 * acknowledges what, the audit rows of every step, the realtime events (private topics only),
 * and an acknowledgement sent through a real outbox (fake-indexeddb) whose first answer is lost:
 * exactly one acknowledgement. Synthetic shelters A (public), B (hidden), C (ad hoc).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOrderAckSchema, type OpenOrder, type OpenOrderAck } from '#lib/domain/open-order.ts';
import type { ReportAck } from '#lib/backend/port.ts';
import { callRpc } from '#lib/server/api/rpc.ts';
import type { Database } from '#lib/server/db/types.ts';
import {
	claimsOf,
	createFixtures,
	ids,
	openTestDatabase,
	probe,
	rpc,
	shelterA,
	shelterB,
	shelterC,
	type OpenedDatabase
} from './db-fixtures.ts';
import { makeOutbox, uniqueDbName } from './outbox-fixtures.ts';

let opened: OpenedDatabase;
let db: Database;

beforeAll(async () => {
	opened = await openTestDatabase('pglite');
	db = opened.db;
	await createFixtures(db);
	await db.asService((tx) =>
		tx.query(`update public.shelters set hazards = '{flood}' where id = any($1)`, [
			[shelterA, shelterB, shelterC]
		])
	);
}, 120_000);
afterAll(async () => opened?.close(), 30_000);

async function orderRows(orderId: number) {
	return db.asService(async (tx) => {
		const audit = await tx.query<{
			action: string;
			actor: string | null;
			old: OpenOrder | null;
			new: OpenOrder;
		}>(
			`select action, actor, old, new from public.audit_log
			  where table_name = 'shelter_open_orders' and row_id = $1 order by id`,
			[String(orderId)]
		);
		const events = await tx.query<{ topic: string; event: string; payload: OpenOrder }>(
			`select topic, event, payload from realtime.messages where payload ->> 'id' = $1
			   and event like 'order_%' order by id`,
			[String(orderId)]
		);
		return { audit: audit.rows, events: events.rows };
	});
}

const issue = (body: unknown) => rpc<OpenOrder[]>(db, 'hq', 'public.issue_open_orders($1)', [body]);
const ack = (actor: 'staffA' | 'staffB' | 'hq', orderId: number, clientId = crypto.randomUUID()) =>
	rpc<ReportAck>(db, actor, 'public.acknowledge_open_order($1)', [
		{ order_id: orderId, client_id: clientId }
	]);

async function sqlError(work: Promise<unknown>): Promise<string | undefined> {
	try {
		await work;
	} catch (error) {
		return (error as { code?: string }).code;
	}
	return undefined;
}

describe('opening orders in SQL', () => {
	it('lets only HQ and the shelter’s own staff read an order, and only that staff acknowledge it', async () => {
		const [order] = await issue({ shelter_ids: [shelterA], note: 'synthetic: open the gym' });
		expect(order).toMatchObject({ shelter_id: shelterA, state: 'requested', existing: false, drill: false });

		const read = (actor: 'anon' | 'staffA' | 'staffB' | 'hq') =>
			probe(db, actor, (tx) =>
				tx.query('select id from public.shelter_open_orders where id = $1', [order.id])
			);
		expect(await read('anon')).toMatchObject({ code: '42501' });
		expect(await read('staffB')).toEqual({ rows: [] });
		expect(await read('staffA')).toEqual({ rows: [{ id: order.id }] });
		expect(await read('hq')).toEqual({ rows: [{ id: order.id }] });

		expect(await sqlError(ack('staffB', order.id))).toBe('P0002');
		expect(await sqlError(ack('hq', order.id))).toBe('42501');
		expect(
			await sqlError(rpc(db, 'anon', 'public.acknowledge_open_order($1)', [{ order_id: order.id }]))
		).toBe('42501');
		expect(await sqlError(rpc(db, 'staffA', 'public.resend_open_order($1)', [order.id]))).toBe('42501');
		expect(await sqlError(rpc(db, 'staffA', 'public.cancel_open_order($1)', [order.id]))).toBe('42501');
		expect((await orderRows(order.id)).audit.map((row) => row.action)).toEqual(['INSERT']);

		// Ordering it again while it waits answers the same order, no second one.
		const [again] = await issue({ shelter_ids: [shelterA] });
		expect(again).toMatchObject({ id: order.id, existing: true });

		const clientId = crypto.randomUUID();
		const first = await ack('staffA', order.id, clientId);
		const second = await ack('staffA', order.id, clientId);
		const otherTerminal = await ack('staffA', order.id);
		expect(first).toMatchObject({ id: order.id, client_id: clientId, duplicate: false });
		expect(second).toMatchObject({ client_id: clientId, duplicate: true, received_at: first.received_at });
		expect(otherTerminal.duplicate).toBe(true);

		const { audit, events } = await orderRows(order.id);
		expect(audit.map((row) => row.action)).toEqual(['INSERT', 'UPDATE']);
		expect(audit[1]).toMatchObject({ actor: ids.staffA, new: { ack_client_id: clientId } });
		expect(audit[1].old?.acknowledged_at).toBeNull();
		expect(events.map((e) => `${e.topic} ${e.event}`)).toEqual([
			`shelter:${shelterA} order_issued`,
			'hq order_issued',
			`shelter:${shelterA} order_acknowledged`,
			'hq order_acknowledged'
		]);

		// The site's answer shows the shelter as 開設準備中 (preparing) to everyone, via a report.
		const status = await rpc<{
			features: { properties: { id: string; status: { status: string } | null } }[];
		}>(db, 'anon', 'public.shelter_collection()');
		expect(status.features.find((f) => f.properties.id === shelterA)?.properties.status?.status).toBe(
			'preparing'
		);
	});

	it('audits resend and cancel, refuses steps out of order, and never writes for an unknown shelter', async () => {
		const [order] = await issue({ shelter_ids: [shelterB] });
		const resent = await rpc<OpenOrder>(db, 'hq', 'public.resend_open_order($1)', [order.id]);
		expect(resent).toMatchObject({ state: 'requested', resent_count: 1 });
		const cancelled = await rpc<OpenOrder>(db, 'hq', 'public.cancel_open_order($1)', [order.id]);
		expect(cancelled).toMatchObject({ state: 'cancelled', cancelled_by: ids.hq });
		expect(await sqlError(ack('staffB', order.id))).toBe('PT409');
		expect(await sqlError(rpc(db, 'hq', 'public.resend_open_order($1)', [order.id]))).toBe('PT409');
		expect(await sqlError(rpc(db, 'hq', 'public.cancel_open_order($1)', [999_999]))).toBe('P0002');

		const { audit, events } = await orderRows(order.id);
		expect(audit.map((row) => row.action)).toEqual(['INSERT', 'UPDATE', 'UPDATE']);
		expect(audit[1].new.resent_count).toBe(1);
		expect(audit[2].new.cancelled_at).not.toBeNull();
		expect(events.filter((e) => e.topic === 'hq').map((e) => e.event)).toEqual([
			'order_issued',
			'order_resent',
			'order_cancelled'
		]);

		const before = await db.asService((tx) =>
			tx.query('select count(*)::int as n from public.shelter_open_orders')
		);
		expect(await sqlError(issue({ shelter_ids: [shelterA, 'synthetic-missing'] }))).toBe('P0002');
		expect(await sqlError(issue({ shelter_ids: [shelterA], hazard: 'flood' }))).toBe('22023');
		expect(await sqlError(issue({ shelter_ids: [shelterC], note: 'x'.repeat(501) }))).toBe('23514');
		const after = await db.asService((tx) =>
			tx.query('select count(*)::int as n from public.shelter_open_orders')
		);
		expect(after.rows).toEqual(before.rows);
	});

	it('orders every designated shelter for a hazard: not hidden, not ad hoc', async () => {
		const orders = await issue({ hazard: 'flood', note: 'synthetic flood order' });
		expect(orders.map((o) => o.shelter_id)).toEqual([shelterA]);
		expect(orders[0]).toMatchObject({ hazard: 'flood', existing: false });
	});

	it('never puts an order on a public topic, nor lets anon read one there', async () => {
		const leaked = await db.asService((tx) =>
			tx.query(
				`select topic, event from realtime.messages where topic not in ('hq')
				   and topic not like 'shelter:%' and (event like 'order_%' or payload ? 'ack_client_id')`
			)
		);
		expect(leaked.rows).toEqual([]);
		const anon = await probe(db, 'anon', (tx) =>
			tx.query(`select id from realtime.messages where event like 'order_%'`)
		);
		expect(anon).toEqual({ rows: [] });
	});

	it('acknowledges exactly once through the outbox when the first answer is lost', async () => {
		const [order] = await issue({ shelter_ids: [shelterC] });
		// Staff of C: a synthetic account made for this test only.
		const staffC = '00000000-0000-4000-8000-0000000000c3';
		await db.asService(async (tx) => {
			await tx.query(`insert into auth.users (id, email) values ($1, 'synthetic-staff-c')`, [staffC]);
			await tx.query(`insert into public.staff (user_id, role, shelter_id) values ($1, 'staff', $2)`, [
				staffC,
				shelterC
			]);
		});
		let calls = 0;
		const send = async (item: OpenOrderAck): Promise<ReportAck> => {
			calls += 1;
			const answer = await callRpc<ReportAck>(
				db,
				{ sub: staffC, role: 'authenticated' },
				'acknowledge_open_order',
				{
					order_id: item.order_id,
					client_id: item.client_id
				}
			);
			if (calls === 1) throw new Error('synthetic: connection dropped after the server stored it');
			return answer;
		};
		const outbox = await makeOutbox(uniqueDbName(), {
			parse: (item) => openOrderAckSchema.parse(item) as never,
			send: send as never
		});
		const item: OpenOrderAck = {
			client_id: crypto.randomUUID(),
			order_id: order.id,
			shelter_id: shelterC,
			confirmed_at: new Date().toISOString()
		};
		await outbox.enqueue(item as never);
		await outbox.sync();
		expect((await outbox.snapshot()).pending).toHaveLength(1);
		await outbox.sync({ force: true });
		const snapshot = await outbox.snapshot();
		outbox.close();
		expect(snapshot.pending).toHaveLength(0);
		expect(snapshot.sent[0].ack).toMatchObject({ client_id: item.client_id, duplicate: true });
		expect(calls).toBe(2);

		const { audit } = await orderRows(order.id);
		expect(
			audit.filter((row) => row.old && !row.old.acknowledged_at && row.new.acknowledged_at)
		).toHaveLength(1);
		const reports = await db.asService((tx) =>
			tx.query('select status from public.shelter_reports where client_id = $1', [item.client_id])
		);
		expect(reports.rows).toEqual([{ status: 'preparing' }]);
		expect(claimsOf('anon')).toBeNull();
	});
});
