/**
 * Findings of the outside security test (issue 18, "Hardening"), each on the embedded PGlite and
 * on a real PostgreSQL server with the real migrations and RLS:
 * M3 hidden shelters leaked on the public live topic (live and on replay); M4 one report from a
 * clock set ahead pinned a shelter's status; L2 no per-account report rate; L5 shelter ids the id
 * endpoints refuse could be imported. Synthetic shelters and accounts only.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applyMigrations, projectRoot } from '#lib/server/db/setup.ts';
import type { Database } from '#lib/server/db/types.ts';
import { apiErrorResponse } from '#lib/server/http.ts';
import { replay } from '#lib/server/live/session.ts';
import type { HqShelter } from '#lib/hq/types.ts';
import type { ShelterCollection } from '#lib/domain/shelter.ts';
import {
	type Actor,
	type OpenedDatabase,
	claimsOf,
	countReports,
	createFixtures,
	drivers,
	fixtureDatabase,
	openTestDatabase,
	probe,
	reportBody,
	rpc,
	shelterA,
	shelterB,
	shelterC
} from './db-fixtures.ts';

interface Row {
	id: number;
	topic: string;
	event: string;
	payload: Record<string, unknown>;
}

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

async function headId(db: Database): Promise<number> {
	const r = await db.asService((tx) =>
		tx.query<{ id: number }>('select coalesce(max(id), 0)::int as id from realtime.messages')
	);
	return r.rows[0].id;
}

async function messagesAfter(db: Database, after: number): Promise<Row[]> {
	const r = await db.asService((tx) =>
		tx.query<Row>(
			'select id::int as id, topic, event, payload from realtime.messages where id > $1 order by id',
			[after]
		)
	);
	return r.rows;
}

/** The `shelters` rows `actor` may read, as the embedded SSE replay reads them (realtime.topic set). */
async function readableShelters(db: Database, actor: Actor): Promise<Row[]> {
	return db.asUser(claimsOf(actor), async (tx) => {
		await tx.query(`select set_config('realtime.topic', 'shelters', true)`);
		const r = await tx.query<Row>(
			`select id::int as id, topic, event, payload from realtime.messages where topic = 'shelters' order by id`
		);
		return r.rows;
	});
}

async function publicStatusOf(db: Database, shelterId: string) {
	const collection = await rpc<ShelterCollection>(db, 'anon', 'public.shelter_collection()');
	return collection.features.find((f) => f.properties.id === shelterId)?.properties.status ?? null;
}

async function hqStatusOf(db: Database, shelterId: string) {
	const list = await rpc<HqShelter[]>(db, 'hq', 'public.hq_shelters()');
	return list.find((s) => s.id === shelterId)?.status ?? null;
}

/** A staff account of `shelterId` that has sent nothing yet (each rate test starts from zero). */
async function freshStaff(db: Database, shelterId: string): Promise<Actor> {
	const id = crypto.randomUUID();
	await db.asService(async (tx) => {
		await tx.query(`insert into auth.users (id, email) values ($1, $2)`, [id, `synthetic-rate-${id}`]);
		await tx.query(`insert into public.staff (user_id, role, shelter_id) values ($1, 'staff', $2)`, [
			id,
			shelterId
		]);
	});
	return id as Actor;
}

/** Like rpc(), for an account made by freshStaff (its id in place of an Actor name). */
async function submitAs(db: Database, userId: string, body: Record<string, unknown>) {
	return db.asUser({ sub: userId, role: 'authenticated' }, async (tx) => {
		const r = await tx.query<{ result: { id: number; duplicate: boolean } }>(
			'select public.submit_report($1) as result',
			[body]
		);
		return r.rows[0].result;
	});
}

const storedBy = (db: Database, userId: string) => countReports(db, 'reporter = $1', [userId]);

describe.each(drivers)('hardening (issue 18) on %s', (driver) => {
	const opened = fixtureDatabase(driver);

	test('M3: a report for a hidden shelter is not broadcast on the public topic; its staff and HQ still get it', async () => {
		const db = opened.db;
		const from = await headId(db);
		const body = reportBody(shelterB, { status: 'open', crowding: 'full' });
		await rpc(db, 'staffB', 'public.submit_report($1)', [body]);
		const sent = await messagesAfter(db, from);
		expect(sent.map((m) => [m.topic, m.event])).toEqual([
			[`shelter:${shelterB}`, 'status'],
			['hq', 'report']
		]);
		expect(sent[0].payload).toMatchObject({ shelter_id: shelterB, status: 'open', crowding: 'full' });
		expect(sent[1].payload).toMatchObject({ client_id: body.client_id });
		// Staff of B read their status on their own topic.
		const own = await db.asUser(claimsOf('staffB'), (tx) =>
			tx.query('select id from realtime.messages where topic = $1 and id = $2', [
				`shelter:${shelterB}`,
				sent[0].id
			])
		);
		expect(own.rows).toHaveLength(1);
	});

	test('hq_shelters shows the report behind the status, not a later one with the same terminal time (bug: joined on reported_at)', async () => {
		const db = opened.db;
		const at = new Date(Date.now() - 10 * 60_000).toISOString();
		// HQ's correction counts at its receive time; the staff report after it, with the same
		// terminal time, is older by observation and does not replace it.
		await rpc(db, 'hq', 'public.submit_report($1)', [
			reportBody(shelterA, { reported_at: at, evacuees: 22 })
		]);
		await rpc(db, 'staffA', 'public.submit_report($1)', [
			reportBody(shelterA, { reported_at: at, evacuees: 11 })
		]);
		const list = await rpc<HqShelter[]>(db, 'hq', 'public.hq_shelters()');
		expect(list.find((s) => s.id === shelterA)?.status?.evacuees).toBe(22);
	});

	test('M3: leaving a drill clears a hidden shelter privately (its staff and HQ), never on the public topic', async () => {
		const db = opened.db;
		await rpc(db, 'hq', 'public.set_drill_mode($1)', [true]);
		await rpc(db, 'staffB', 'public.submit_report($1)', [reportBody(shelterB, { status: 'open' })]);
		await rpc(db, 'staffA', 'public.submit_report($1)', [reportBody(shelterA, { status: 'open' })]);
		const from = await headId(db);
		await rpc(db, 'hq', 'public.set_drill_mode($1)', [false]);
		const cleared = (await messagesAfter(db, from)).filter((m) => m.event === 'status_cleared');
		expect(cleared.map((m) => [m.topic, m.payload.shelter_id])).toEqual(
			expect.arrayContaining([
				['shelters', shelterA],
				[`shelter:${shelterB}`, shelterB],
				['hq', shelterB]
			])
		);
		expect(cleared.filter((m) => m.topic === 'shelters').map((m) => m.payload.shelter_id)).not.toContain(
			shelterB
		);
	});

	test('M3: anon and staff never replay public rows of a shelter hidden now; hiding and unhiding apply to older rows too', async () => {
		const db = opened.db;
		// A row as the old trigger wrote it for hidden B (before this fix).
		await db.asService((tx) =>
			tx.query(
				`select realtime.send(jsonb_build_object('shelter_id', $1::text, 'status', 'open',
				'crowding', 'full', 'updated_at', now(), 'drill', false), 'status', 'shelters', false)`,
				[shelterB]
			)
		);
		const from = await headId(db);
		await rpc(db, 'staffA', 'public.submit_report($1)', [reportBody(shelterA)]);
		const [aRow] = (await messagesAfter(db, from)).filter((m) => m.topic === 'shelters');
		const ids = async (actor: Actor, shelter: string) =>
			(await readableShelters(db, actor)).filter((m) => m.payload.shelter_id === shelter).map((m) => m.id);

		for (const actor of ['anon', 'staffA', 'staffB'] as Actor[])
			expect(await ids(actor, shelterB)).toEqual([]);
		expect((await ids('hq', shelterB)).length).toBeGreaterThan(0);
		expect(await ids('anon', shelterA)).toContain(aRow.id);
		// The replay of GET /api/live?after=0 as anonymous.
		const replayed = await replay(db, null, ['shelters'], 0, await headId(db));
		expect(replayed).not.toBe('too_many');
		expect((replayed as Row[]).some((m) => m.payload.shelter_id === shelterB)).toBe(false);

		const setHidden = (hidden: boolean) =>
			db.asUser(claimsOf('hq'), (tx) =>
				tx.query('update public.shelters set hidden = $2 where id = $1', [shelterA, hidden])
			);
		const beforeHide = await headId(db);
		await setHidden(true);
		try {
			expect(await ids('anon', shelterA)).toEqual([]);
			expect(await ids('staffA', shelterA)).toEqual([]);
			expect(await ids('hq', shelterA)).toContain(aRow.id);
		} finally {
			await setHidden(false);
		}
		expect(await ids('anon', shelterA)).toContain(aRow.id);
		// The shared contract: each change of `hidden` is told to HQ's topic only.
		const told = (await messagesAfter(db, beforeHide)).filter((m) => m.event === 'visibility');
		expect(told.map((m) => [m.topic, m.payload])).toEqual([
			['hq', { shelter_id: shelterA, hidden: true }],
			['hq', { shelter_id: shelterA, hidden: false }]
		]);
		const anonHq = await db.asUser(null, (tx) =>
			tx.query(`select id from realtime.messages where event = 'visibility'`)
		);
		expect(anonHq.rows).toEqual([]);
	});

	test('M3: the replay query evaluates the caller lookups once (initplans) and the visible shelters once (hashed)', async () => {
		for (const actor of ['anon', 'staffA'] as Actor[]) {
			const plan = await probe(opened.db, actor, async (tx) => {
				await tx.query(`select set_config('realtime.topic', 'shelters', true)`);
				return tx.query<{ 'QUERY PLAN': string }>(
					`explain (costs off) select id, topic, event, payload from realtime.messages
					  where topic = 'shelters' and id > 0 and id <= 1000000 order by id limit 500`
				);
			});
			expect('rows' in plan).toBe(true);
			const text = (plan as { rows: { 'QUERY PLAN': string }[] }).rows.map((r) => r['QUERY PLAN']).join('\n');
			expect(text, text).toMatch(/InitPlan/);
			const subPlanRefs = text.match(/(hashed )?SubPlan \d+\)?/g) ?? [];
			// Every reference to a SubPlan in a filter is a hashed one: no per-row query of shelters.
			const filters = text.split('\n').filter((line) => /Filter|Cond/.test(line));
			for (const line of filters) {
				for (const ref of line.match(/(hashed )?SubPlan \d+/g) ?? []) expect(ref, text).toMatch(/^hashed/);
			}
			expect(subPlanRefs.length, text).toBeGreaterThan(0);
		}
	});

	test('M4: a report dated a day ahead no longer pins the status: the next correct report is the status, public and HQ', async () => {
		const db = opened.db;
		await rpc(db, 'staffA', 'public.submit_report($1)', [
			reportBody(shelterA, { status: 'closed', crowding: 'vacant', evacuees: 1, reported_at: inHours(23) })
		]);
		const correct = await rpc<{ id: number }>(db, 'staffA', 'public.submit_report($1)', [
			reportBody(shelterA, { status: 'open', crowding: 'crowded', evacuees: 77 })
		]);
		expect(await publicStatusOf(db, shelterA)).toMatchObject({ status: 'open', crowding: 'crowded' });
		expect(await hqStatusOf(db, shelterA)).toMatchObject({ status: 'open', evacuees: 77 });
		const shown = await db.asUser(claimsOf('hq'), (tx) =>
			tx.query<{ report_id: number }>('select report_id from public.shelter_status where shelter_id = $1', [
				shelterA
			])
		);
		expect(Number(shown.rows[0].report_id)).toBe(Number(correct.id));

		// An offline-delayed report (observed an hour ago) still does not override the newer one.
		await rpc(db, 'staffA', 'public.submit_report($1)', [
			reportBody(shelterA, { status: 'closed', reported_at: inHours(-1) })
		]);
		expect(await publicStatusOf(db, shelterA)).toMatchObject({ status: 'open' });
	});

	test("M4: HQ corrects a status explicitly: its report wins even when HQ's clock is behind", async () => {
		const db = opened.db;
		await rpc(db, 'staffA', 'public.submit_report($1)', [reportBody(shelterA, { status: 'open' })]);
		await rpc(db, 'hq', 'public.submit_report($1)', [
			reportBody(shelterA, { status: 'closed', crowding: 'unknown', evacuees: 0, reported_at: inHours(-2) })
		]);
		expect(await publicStatusOf(db, shelterA)).toMatchObject({ status: 'closed', crowding: 'unknown' });
		expect(await hqStatusOf(db, shelterA)).toMatchObject({ status: 'closed', evacuees: 0 });
	});

	test('L2: a staff account stores at most 30 reports a minute; more is PT429 → HTTP 429 with Retry-After; replays still answer', async () => {
		const db = opened.db;
		const staff = await freshStaff(db, shelterC);
		const bodies = Array.from({ length: 36 }, () => reportBody(shelterC));
		// Sent all at once: the count must hold under concurrency too (one account, many requests).
		const outcomes = await Promise.allSettled(bodies.map((body) => submitAs(db, staff, body)));
		const refused = outcomes
			.filter((o) => o.status === 'rejected')
			.map((o) => o.reason as Record<string, unknown>);
		expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(30);
		expect(refused).toHaveLength(6);
		expect(await storedBy(db, staff)).toBe(30);
		for (const error of refused) {
			expect(error.code).toBe('PT429');
			expect(String(error.detail)).toMatch(/^retry_after=\d+$/);
		}
		const seconds = Number(String(refused[0].detail).split('=')[1]);
		expect(seconds).toBeGreaterThanOrEqual(1);
		expect(seconds).toBeLessThanOrEqual(60);

		const response = apiErrorResponse(refused[0])!;
		expect(response.status).toBe(429);
		expect(response.headers.get('retry-after')).toBe(String(seconds));
		expect(await response.json()).toEqual({
			error: { code: 'rate_limited', message: expect.stringContaining('Too many reports') }
		});

		// The outbox repeating a stored report (lost acknowledgement) is answered, not refused.
		const stored = bodies[outcomes.findIndex((o) => o.status === 'fulfilled')];
		expect(await submitAs(db, staff, stored)).toMatchObject({ duplicate: true });
		expect(await storedBy(db, staff)).toBe(30);
	});

	test('L2: HQ accounts are not limited (HQ may correct every shelter at once)', async () => {
		const db = opened.db;
		for (let i = 0; i < 35; i++) await rpc(db, 'hq', 'public.submit_report($1)', [reportBody(shelterC)]);
	});

	test('L5: shelter ids the API refuses cannot be stored; the real GSI ids can', async () => {
		const db = opened.db;
		const row = (id: string) => ({
			id,
			name: 'Synthetic id check',
			kind: 'shelter',
			lon: 139.57,
			lat: 35.63
		});
		for (const id of [
			'<img src=x onerror=alert(1)>',
			'../../etc/passwd',
			'a b',
			'a#b',
			'é',
			'x'.repeat(65)
		]) {
			const outcome = await probe(db, 'hq', (tx) =>
				tx.query('select public.import_shelters($1::jsonb)', [JSON.stringify([row(id)])])
			);
			expect(outcome, id).toMatchObject({ code: '23514' });
		}
		const dir = resolve(process.env.BOSAI_OPEN_DATA_DIR ?? resolve(projectRoot(), '../shared/data'), 'komae');
		const real = ['shelters-designated-gsi.json', 'shelters-emergency-gsi.json'].flatMap((file) =>
			(
				JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
					features: { properties: { 共通ID: string } }[];
				}
			).features.map((f) => f.properties.共通ID)
		);
		expect(real.length).toBeGreaterThan(50);
		const outcome = await probe(db, 'hq', (tx) =>
			tx.query('select public.import_shelters($1::jsonb) as r', [
				JSON.stringify([...new Set([...real, 'v1-12', 'synthetic-ok.1_2'])].map(row))
			])
		);
		expect(outcome).toMatchObject({ rows: [{ r: { added: new Set(real).size + 2 } }] });
		const check = await db.asService((tx) =>
			tx.query<{ valid: boolean }>(
				`select convalidated as valid from pg_constraint where conname = 'shelters_id_format'`
			)
		);
		expect(check.rows).toEqual([{ valid: true }]);
	});
});

describe.each(drivers)('M4 repair of pinned statuses on %s', (driver) => {
	let opened: OpenedDatabase;
	let oldRoot: string;

	beforeAll(async () => {
		// The schema as it was before issue 18: the migrations older than this fix, with the shim.
		oldRoot = mkdtempSync(join(tmpdir(), 'bosai-old-schema-'));
		const root = projectRoot();
		mkdirSync(join(oldRoot, 'supabase', 'migrations'), { recursive: true });
		mkdirSync(join(oldRoot, 'src/lib/server/db'), { recursive: true });
		cpSync(join(root, 'src/lib/server/db/shim.sql'), join(oldRoot, 'src/lib/server/db/shim.sql'));
		for (const file of readdirSync(join(root, 'supabase', 'migrations'))) {
			// Every caller transaction now starts with the session check (20261202000200, unrelated
			// to M4): the old schema gets that one too, so the test can act as its callers.
			if (file < '20261202000100' || file.startsWith('20261202000200_')) {
				cpSync(join(root, 'supabase', 'migrations', file), join(oldRoot, 'supabase', 'migrations', file));
			}
		}
		opened = await openTestDatabase(driver, false);
		await applyMigrations(opened.db, oldRoot);
		await createFixtures(opened.db);
	}, 120_000);
	afterAll(async () => {
		await opened?.close();
		rmSync(oldRoot, { recursive: true, force: true });
	}, 30_000);

	test('the migration frees a status pinned by a future-dated report: the later correct one becomes the status', async () => {
		const db = opened.db;
		await rpc(db, 'staffA', 'public.submit_report($1)', [
			reportBody(shelterA, { status: 'closed', evacuees: 1, reported_at: inHours(20) })
		]);
		await rpc(db, 'staffA', 'public.submit_report($1)', [
			reportBody(shelterA, { status: 'open', crowding: 'crowded', evacuees: 55 })
		]);
		await rpc(db, 'staffB', 'public.submit_report($1)', [reportBody(shelterB, { status: 'preparing' })]);
		// Pinned under the old rule.
		expect(await publicStatusOf(db, shelterA)).toMatchObject({ status: 'closed' });

		await applyMigrations(db);
		expect(await publicStatusOf(db, shelterA)).toMatchObject({ status: 'open', crowding: 'crowded' });
		expect(await hqStatusOf(db, shelterA)).toMatchObject({ status: 'open', evacuees: 55 });
		expect(await hqStatusOf(db, shelterB)).toMatchObject({ status: 'preparing' });
		const rows = await db.asService((tx) =>
			tx.query<{ n: number }>(
				'select count(*)::int as n from public.shelter_status where observed_at is null or report_id is null'
			)
		);
		expect(rows.rows[0].n).toBe(0);
	});
});
