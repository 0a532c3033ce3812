/**
 * The RLS matrix: anon, staff of shelter A, staff of (hidden) shelter B and HQ × every table and
 * RPC × read/insert/update/delete, through Database.asUser (the path the HTTP API uses), on the
 * embedded PGlite and on a real PostgreSQL server. Each probe runs in a transaction that is rolled
 * back, so the cells are independent. "allow" = the statement succeeded and touched/saw the
 * target row; "deny" = an error, or RLS hid the row (0 rows).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database, Tx } from '#lib/server/db/types.ts';
import {
	type Actor,
	type OpenedDatabase,
	actors,
	createFixtures,
	drivers,
	ids,
	openTestDatabase,
	probe,
	reportBody,
	rpc,
	shelterA,
	shelterB,
	shelterC
} from './db-fixtures.ts';
import { syntheticPushKeys } from './notify-fixtures.ts';
import { gotrueSchemaSql } from '../support/fake-supabase.ts';

type Cell = 'allow' | 'deny';

/** A well-formed scrypt hash (synthetic: no password hashes to it). */
const hash = `scrypt$32768$8$1$${'A'.repeat(22)}$${'A'.repeat(43)}`;
type Expect = Record<Actor, Cell>;

const all: Expect = { anon: 'allow', staffA: 'allow', staffB: 'allow', hq: 'allow' };
const none: Expect = { anon: 'deny', staffA: 'deny', staffB: 'deny', hq: 'deny' };
const hqOnly: Expect = { ...none, hq: 'allow' };
const ownA: Expect = { anon: 'deny', staffA: 'allow', staffB: 'deny', hq: 'allow' };
const ownB: Expect = { anon: 'deny', staffA: 'deny', staffB: 'allow', hq: 'allow' };
const signedIn: Expect = { anon: 'deny', staffA: 'allow', staffB: 'allow', hq: 'allow' };

interface State {
	reportA: number;
	reportB: number;
	alertId: string;
	messageA: string;
	messageAll: string;
	orderA: number;
	orderB: number;
}

interface Row {
	name: string;
	expect: Expect;
	run: (tx: Tx, state: State) => Promise<{ rows: unknown[] }>;
}

const q =
	(sql: string, params: (state: State) => unknown[] = () => []) =>
	(tx: Tx, state: State) =>
		tx.query(sql, params(state));

/** A join check as Supabase Realtime makes it: realtime.topic() set, then a read of that topic. */
const join = (topic: string) => async (tx: Tx) => {
	await tx.query(`select set_config('realtime.topic', $1, true)`, [topic]);
	return tx.query(`select id from realtime.messages where topic = $1 limit 1`, [topic]);
};

const matrix: Row[] = [
	// shelters
	{
		name: 'shelters select public A',
		expect: all,
		run: q(`select id from public.shelters where id = '${shelterA}'`)
	},
	{
		name: 'shelters select hidden B',
		expect: ownB,
		run: q(`select id from public.shelters where id = '${shelterB}'`)
	},
	{
		name: 'shelters insert ad hoc',
		expect: hqOnly,
		run: q(`insert into public.shelters (id, name, kind, lon, lat, ad_hoc)
			values ('synthetic-new', 'Synthetic new', 'shelter', 139.5, 35.6, true) returning id`)
	},
	{
		name: 'shelters insert designated',
		expect: none,
		run: q(`insert into public.shelters (id, name, kind, lon, lat)
			values ('synthetic-new', 'Synthetic new', 'shelter', 139.5, 35.6) returning id`)
	},
	{
		name: 'shelters update A',
		expect: hqOnly,
		run: q(`update public.shelters set name = 'Synthetic renamed' where id = '${shelterA}' returning id`)
	},
	{
		name: 'shelters update capacity A',
		expect: hqOnly,
		run: q(`update public.shelters set capacity_indoor = 480, capacity_outdoor = 3350
			where id = '${shelterA}' returning id`)
	},
	{
		name: 'shelters update seeded_at',
		expect: none,
		run: q(`update public.shelters set seeded_at = now() where id = '${shelterA}' returning id`)
	},
	{
		name: 'shelters delete ad hoc C',
		expect: hqOnly,
		run: q(`delete from public.shelters where id = '${shelterC}' returning id`)
	},
	{
		name: 'shelters delete designated A',
		expect: none,
		run: q(`delete from public.shelters where id = '${shelterA}' returning id`)
	},
	// staff
	{
		name: 'staff select staffA row',
		expect: ownA,
		run: q(`select user_id from public.staff where user_id = '${ids.staffA}'`)
	},
	{
		name: 'staff insert',
		expect: none,
		run: q(`insert into public.staff (user_id, role) values ('${ids.nobody}', 'hq') returning user_id`)
	},
	{
		name: 'staff update',
		expect: none,
		run: q(
			`update public.staff set role = 'hq', shelter_id = null where user_id = '${ids.staffA}' returning user_id`
		)
	},
	{
		name: 'staff delete',
		expect: none,
		run: q(`delete from public.staff where user_id = '${ids.staffA}' returning user_id`)
	},
	// settings
	{ name: 'settings select', expect: all, run: q('select drill_mode from public.settings') },
	{ name: 'settings select updated_by', expect: signedIn, run: q('select updated_by from public.settings') },
	{
		name: 'settings update',
		expect: none,
		run: q('update public.settings set drill_mode = true returning id')
	},
	{
		name: 'settings insert',
		expect: none,
		run: q('insert into public.settings (id) values (true) returning id')
	},
	{ name: 'settings delete', expect: none, run: q('delete from public.settings returning id') },
	// shelter_reports
	{
		name: 'reports select report of A',
		expect: ownA,
		run: q('select id from public.shelter_reports where id = $1', (s) => [s.reportA])
	},
	{
		name: 'reports select report of B',
		expect: ownB,
		run: q('select id from public.shelter_reports where id = $1', (s) => [s.reportB])
	},
	{
		name: 'reports insert directly',
		expect: none,
		run: q(`insert into public.shelter_reports (client_id, shelter_id, status, crowding, reported_at)
			values (gen_random_uuid(), '${shelterA}', 'open', 'unknown', now()) returning id`)
	},
	{
		name: 'reports update',
		expect: none,
		run: q(`update public.shelter_reports set note = 'x' where id = $1 returning id`, (s) => [s.reportA])
	},
	{
		name: 'reports delete',
		expect: none,
		run: q('delete from public.shelter_reports where id = $1 returning id', (s) => [s.reportA])
	},
	// shelter_status
	{
		name: 'status select A',
		expect: all,
		run: q(`select status from public.shelter_status where shelter_id = '${shelterA}'`)
	},
	{
		name: 'status select hidden B',
		expect: ownB,
		run: q(`select status from public.shelter_status where shelter_id = '${shelterB}'`)
	},
	{
		name: 'status insert',
		expect: none,
		run: q(`insert into public.shelter_status (shelter_id, status, crowding, updated_at, reported_at)
			values ('${shelterC}', 'open', 'full', now(), now()) returning shelter_id`)
	},
	{
		name: 'status update',
		expect: none,
		run: q(
			`update public.shelter_status set status = 'closed' where shelter_id = '${shelterA}' returning shelter_id`
		)
	},
	{
		name: 'status delete',
		expect: none,
		run: q(`delete from public.shelter_status where shelter_id = '${shelterA}' returning shelter_id`)
	},
	// alerts
	{
		name: 'alerts select public columns',
		expect: all,
		run: q('select id, level, text, drill from public.alerts where id = $1', (s) => [s.alertId])
	},
	{
		name: 'alerts select issued_by',
		expect: signedIn,
		run: q('select issued_by from public.alerts where id = $1', (s) => [s.alertId])
	},
	{
		name: 'alerts insert directly',
		expect: none,
		run: q(
			`insert into public.alerts (level, hazard, areas, text) values (3, 'flood', '{all}', '{"ja":"synthetic"}') returning id`
		)
	},
	{
		name: 'alerts update',
		expect: none,
		run: q('update public.alerts set level = 5 where id = $1 returning id', (s) => [s.alertId])
	},
	{
		name: 'alerts delete',
		expect: none,
		run: q('delete from public.alerts where id = $1 returning id', (s) => [s.alertId])
	},
	// messages
	{
		name: 'messages select to A',
		expect: ownA,
		run: q('select id from public.messages where id = $1', (s) => [s.messageA])
	},
	{
		name: 'messages select to all',
		expect: signedIn,
		run: q('select id from public.messages where id = $1', (s) => [s.messageAll])
	},
	{
		name: 'messages insert directly',
		expect: none,
		run: q(`insert into public.messages (body) values ('synthetic') returning id`)
	},
	{
		name: 'messages update',
		expect: none,
		run: q(`update public.messages set body = 'x' where id = $1 returning id`, (s) => [s.messageA])
	},
	{
		name: 'messages delete',
		expect: none,
		run: q('delete from public.messages where id = $1 returning id', (s) => [s.messageA])
	},
	// message_reads (staffA confirmed the message to all)
	{
		name: 'receipts select of A',
		expect: ownA,
		run: q('select message_id from public.message_reads where message_id = $1', (s) => [s.messageAll])
	},
	{
		name: 'receipts insert directly',
		expect: none,
		run: q(
			`insert into public.message_reads (message_id, shelter_id, read_by) values ($1, '${shelterB}', '${ids.staffB}') returning message_id`,
			(s) => [s.messageAll]
		)
	},
	{
		name: 'receipts update',
		expect: none,
		run: q(
			'update public.message_reads set read_at = now() where message_id = $1 returning message_id',
			(s) => [s.messageAll]
		)
	},
	{
		name: 'receipts delete',
		expect: none,
		run: q('delete from public.message_reads where message_id = $1 returning message_id', (s) => [
			s.messageAll
		])
	},
	// audit_log
	{
		name: 'audit select',
		expect: hqOnly,
		run: q(`select id from public.audit_log where table_name = 'alerts'`)
	},
	{
		name: 'audit insert',
		expect: none,
		run: q(`insert into public.audit_log (table_name, action) values ('x', 'INSERT') returning id`)
	},
	{ name: 'audit update', expect: none, run: q(`update public.audit_log set row_id = 'x' returning id`) },
	{ name: 'audit delete', expect: none, run: q('delete from public.audit_log returning id') },
	// JMA (jma helper): parsed telegrams public, raw XML and feed bookkeeping platform-only,
	// writes only through jma_ingest() by the platform.
	{
		name: 'jma select',
		expect: { anon: 'allow', staffA: 'allow', staffB: 'allow', hq: 'allow' },
		run: q('select count(*) from public.jma_telegrams')
	},
	{ name: 'jma raw select', expect: none, run: q('select count(raw_xml) from public.jma_telegrams') },
	{
		name: 'jma insert',
		expect: none,
		run: q(`insert into public.jma_telegrams (source, dedupe_key, sha256, control_title, control_status,
			publishing_office, head_title, report_at, event_id, info_type, info_kind, family, stream, items,
			headline, raw_xml) values ('post', 'x', repeat('0', 64), 't', '通常', 'o', 'h', now(), '', '発表',
			'k', 'warning', 's', '[]', '', '<x/>') returning id`)
	},
	{
		name: 'jma update',
		expect: none,
		run: q(`update public.jma_telegrams set head_title = 'x' returning id`)
	},
	{ name: 'jma delete', expect: none, run: q('delete from public.jma_telegrams returning id') },
	{
		name: 'jma ingest rpc',
		expect: none,
		run: q(`select public.jma_ingest('{}'::jsonb, '<x/>', 'post', null)`)
	},
	{ name: 'jmaentries select', expect: none, run: q('select count(*) from public.jma_feed_entries') },
	{
		name: 'jmaentries insert',
		expect: none,
		run: q(
			`insert into public.jma_feed_entries (entry_id, outcome) values ('x', 'stored') returning entry_id`
		)
	},
	{
		name: 'jmaentries update',
		expect: none,
		run: q(`update public.jma_feed_entries set outcome = 'stored' returning entry_id`)
	},
	{
		name: 'jmaentries delete',
		expect: none,
		run: q('delete from public.jma_feed_entries returning entry_id')
	},
	{ name: 'jmastate select', expect: none, run: q('select count(*) from public.jma_feed_state') },
	{
		name: 'jmastate insert',
		expect: none,
		run: q(`insert into public.jma_feed_state (url) values ('x') returning url`)
	},
	{
		name: 'jmastate update',
		expect: none,
		run: q(`update public.jma_feed_state set etag = 'x' returning url`)
	},
	{ name: 'jmastate delete', expect: none, run: q('delete from public.jma_feed_state returning url') },
	// session_versions (issue 18): only the platform, through revoke_sessions and the caller check
	{ name: 'sessions select', expect: none, run: q('select user_id from public.session_versions') },
	{
		name: 'sessions insert',
		expect: none,
		run: q(`insert into public.session_versions (user_id) values ('${ids.staffA}') returning user_id`)
	},
	{
		name: 'sessions update',
		expect: none,
		run: q('update public.session_versions set version = 0 returning user_id')
	},
	{ name: 'sessions delete', expect: none, run: q('delete from public.session_versions returning user_id') },
	{
		name: 'rpc revoke_sessions',
		expect: none,
		run: q(`select public.revoke_sessions('${ids.staffB}') as r`)
	},
	{
		name: 'rpc assert_session_current called directly',
		expect: none,
		run: q(`select public.assert_session_current('{"role":"anon"}'::jsonb) as r`)
	},
	// realtime.messages (embedded SSE reads these as the caller)
	{
		name: 'realtime select hq',
		expect: hqOnly,
		run: q(`select id from realtime.messages where topic = 'hq'`)
	},
	{
		name: 'realtime select shelter:A',
		expect: ownA,
		run: q(`select id from realtime.messages where topic = 'shelter:${shelterA}'`)
	},
	{
		name: 'realtime select shelters',
		expect: all,
		run: q(`select id from realtime.messages where topic = 'shelters'`)
	},
	{
		name: 'realtime select alerts',
		expect: all,
		run: q(`select id from realtime.messages where topic = 'alerts'`)
	},
	// Supabase Realtime authorizes a private channel join with realtime.topic() set to the channel.
	{ name: 'realtime join hq', expect: hqOnly, run: join('hq') },
	{ name: 'realtime join shelter:A', expect: ownA, run: join(`shelter:${shelterA}`) },
	{ name: 'realtime join shelter:B', expect: ownB, run: join(`shelter:${shelterB}`) },
	{
		name: 'realtime insert',
		expect: none,
		run: q(`insert into realtime.messages (topic, event, payload) values ('hq', 'x', '{}') returning id`)
	},
	{
		name: 'realtime update',
		expect: none,
		run: q(`update realtime.messages set payload = '{}' returning id`)
	},
	{ name: 'realtime delete', expect: none, run: q('delete from realtime.messages returning id') },
	{
		name: 'realtime.send direct',
		expect: none,
		run: q(`select realtime.send('{}'::jsonb, 'x', 'hq', true)`)
	},
	// notify schema (「気象警報も受け取る」): closed to every API role; residents set `jma` by RPC only
	{ name: 'notify.subscribers jma select', expect: none, run: q('select jma from notify.subscribers') },
	{
		name: 'notify.subscribers jma update',
		expect: none,
		run: q('update notify.subscribers set jma = true returning id')
	},
	{ name: 'notify.jma_events select', expect: none, run: q('select id from notify.jma_events') },
	{
		name: 'notify.jma_events insert',
		expect: none,
		run: q(`insert into notify.jma_events (telegram_id, kind, level, ended, title, headline, report_at)
			values (1, 'warning', 3, false, 't', '', now()) returning id`)
	},
	{ name: 'notify.jma_events delete', expect: none, run: q('delete from notify.jma_events returning id') },
	{ name: 'notify.jma_state select', expect: none, run: q('select kind from notify.jma_state') },
	{
		name: 'notify.jma_state insert',
		expect: none,
		run: q(`insert into notify.jma_state (kind, level, title) values ('warning', 3, 't') returning kind`)
	},
	{
		name: 'notify.deliveries jma select',
		expect: none,
		run: q('select jma_event_id from notify.deliveries')
	},
	{
		name: 'rpc notify.jma_claimed',
		expect: none,
		run: q(`select notify.jma_claimed(array[1]::bigint[]) as r`)
	},
	{
		name: 'rpc subscribe_push with jma',
		expect: all,
		run: q('select public.subscribe_push($1) as r', () => {
			const keys = syntheticPushKeys(`https://push.example.invalid/${crypto.randomUUID()}`);
			return [
				JSON.stringify({ endpoint: keys.endpoint, keys: keys.keys, areas: ['all'], locale: 'ja', jma: true })
			];
		})
	},
	// auth schema: accounts are never readable by callers
	{ name: 'auth.users select', expect: none, run: q('select id from auth.users') },
	{ name: 'auth.users update', expect: none, run: q(`update auth.users set email = 'x' returning id`) },
	// RPCs
	{
		name: 'rpc submit_report for A',
		expect: ownA,
		run: q('select public.submit_report($1) as r', () => [reportBody(shelterA)])
	},
	{
		name: 'rpc submit_report for B',
		expect: ownB,
		run: q('select public.submit_report($1) as r', () => [reportBody(shelterB)])
	},
	{
		name: 'rpc issue_alert',
		expect: hqOnly,
		run: q('select public.issue_alert($1) as r', () => [
			{ level: 4, hazard: 'flood', areas: ['all'], text: { ja: 'synthetic' } }
		])
	},
	{
		name: 'rpc cancel_alert',
		expect: hqOnly,
		run: q('select public.cancel_alert($1) as r', (s) => [s.alertId])
	},
	{
		name: 'rpc send_message',
		expect: hqOnly,
		run: q('select public.send_message($1) as r', () => [{ shelter_id: shelterA, body: 'synthetic' }])
	},
	{
		name: 'rpc mark_message_read to A',
		expect: { ...none, staffA: 'allow' },
		run: q('select public.mark_message_read($1) as r', (s) => [s.messageA])
	},
	{
		name: 'rpc mark_message_read to all',
		expect: { ...none, staffA: 'allow', staffB: 'allow' },
		run: q('select public.mark_message_read($1) as r', (s) => [s.messageAll])
	},
	// shelter_open_orders (開設指示): HQ and the shelter's own staff read; writes only via RPCs
	{
		name: 'orders select A',
		expect: ownA,
		run: q('select id from public.shelter_open_orders where id = $1', (s) => [s.orderA])
	},
	{
		name: 'orders select B',
		expect: ownB,
		run: q('select id from public.shelter_open_orders where id = $1', (s) => [s.orderB])
	},
	{
		name: 'orders insert',
		expect: none,
		run: q(`insert into public.shelter_open_orders (shelter_id) values ('${shelterC}') returning id`)
	},
	{
		name: 'orders update ack',
		expect: none,
		run: q(
			`update public.shelter_open_orders set acknowledged_at = now(), acknowledged_by = '${ids.staffA}',
				ack_client_id = gen_random_uuid() where id = $1 returning id`,
			(s) => [s.orderA]
		)
	},
	{
		name: 'orders delete',
		expect: none,
		run: q('delete from public.shelter_open_orders where id = $1 returning id', (s) => [s.orderA])
	},
	{
		name: 'realtime select order events on shelter:A',
		expect: ownA,
		run: q(`select id from realtime.messages where topic = 'shelter:${shelterA}' and event like 'order_%'`)
	},
	{
		name: 'realtime select order events on hq',
		expect: hqOnly,
		run: q(`select id from realtime.messages where topic = 'hq' and event like 'order_%'`)
	},
	{
		name: 'realtime select order events on public topics',
		expect: none,
		run: q(
			`select id from realtime.messages where topic in ('shelters', 'alerts')
				and (event like 'order_%' or payload ? 'ack_client_id' or payload ? 'issued_by')`
		)
	},
	{
		name: 'rpc issue_open_orders',
		expect: hqOnly,
		run: q('select public.issue_open_orders($1) as r', () => [{ shelter_ids: [shelterC], note: 'synthetic' }])
	},
	{
		name: 'rpc cancel_open_order',
		expect: hqOnly,
		run: q('select public.cancel_open_order($1) as r', (s) => [s.orderA])
	},
	{
		name: 'rpc resend_open_order',
		expect: hqOnly,
		run: q('select public.resend_open_order($1) as r', (s) => [s.orderA])
	},
	{
		name: 'rpc acknowledge_open_order of A',
		expect: { ...none, staffA: 'allow' },
		run: q('select public.acknowledge_open_order($1) as r', (s) => [
			{ order_id: s.orderA, client_id: crypto.randomUUID() }
		])
	},
	{
		name: 'rpc acknowledge_open_order of B',
		expect: { ...none, staffB: 'allow' },
		run: q('select public.acknowledge_open_order($1) as r', (s) => [
			{ order_id: s.orderB, client_id: crypto.randomUUID() }
		])
	},
	{ name: 'rpc set_drill_mode', expect: hqOnly, run: q('select public.set_drill_mode(true) as r') },
	{
		name: 'rpc shelter_collection includes hidden B',
		expect: ownB,
		run: async (tx) => {
			const { rows } = await tx.query<{ c: { features: { properties: { id: string } }[] } }>(
				'select public.shelter_collection() as c'
			);
			return { rows: rows[0].c.features.filter((f) => f.properties.id === shelterB) };
		}
	},
	{ name: 'rpc shelter_collection', expect: all, run: q('select public.shelter_collection() as c') },
	// Issue 16: the numbers, 余力 / 定員状況, HQ's structured capacity, open data
	{
		name: 'rpc submit_report with numbers for A',
		expect: ownA,
		run: q('select public.submit_report($1) as r', () => [
			reportBody(shelterA, { evacuees: 3, evacuees_male: 1, evacuees_female: 2, households: 2 })
		])
	},
	{
		name: 'rpc hq_shelters',
		expect: hqOnly,
		run: q('select public.hq_shelters() as r')
	},
	{
		name: 'rpc import_shelters',
		expect: hqOnly,
		run: q('select public.import_shelters($1::jsonb) as r', () => [
			JSON.stringify([
				{
					id: 'synthetic-import',
					name: 'Synthetic import',
					kind: 'shelter',
					lon: 139.5,
					lat: 35.6,
					capacity: 3830,
					capacity_indoor: 480,
					capacity_outdoor: 3350
				}
			])
		])
	},
	{
		name: 'rpc capacity_state',
		expect: all,
		run: q(`select 1 where public.capacity_state(50, 20, 'vacant') = 'available'`)
	},
	{
		name: 'rpc capacity_remaining',
		expect: all,
		run: q(`select 1 where public.capacity_remaining(50, 20) = 30`)
	},
	{ name: 'rpc open_shelter_status', expect: all, run: q('select public.open_shelter_status() as r') },
	{
		name: 'rpc open_shelter_status includes hidden B',
		expect: none,
		run: async (tx) => {
			const { rows } = await tx.query<{ r: { id: string }[] }>('select public.open_shelter_status() as r');
			return { rows: rows[0]!.r.filter((row) => row.id === shelterB) };
		}
	},
	{
		name: 'rpc open_status_history includes A',
		expect: all,
		run: async (tx) => {
			const { rows } = await tx.query<{ r: { id: string }[] }>(
				`select public.open_status_history((now() at time zone 'Asia/Tokyo')::date) as r`
			);
			return { rows: rows[0]!.r.filter((row) => row.id === shelterA) };
		}
	},
	{
		name: 'rpc open_status_history includes hidden B',
		expect: none,
		run: async (tx) => {
			const { rows } = await tx.query<{ r: { id: string }[] }>(
				`select public.open_status_history((now() at time zone 'Asia/Tokyo')::date) as r`
			);
			return { rows: rows[0]!.r.filter((row) => row.id === shelterB) };
		}
	},
	{
		name: 'rpc can_receive_topic hq',
		expect: hqOnly,
		run: q(`select 1 where public.can_receive_topic('hq')`)
	},
	// Accounts managed by HQ (issue 16): HQ-only RPCs; the enrollment codes and sign-in limits
	// tables are the platform's alone.
	{ name: 'rpc hq_accounts', expect: hqOnly, run: q('select public.hq_accounts() as r') },
	{
		name: 'rpc hq_create_account',
		expect: hqOnly,
		run: q(`select public.hq_create_account('synthetic-new', '${hash}', 'staff', '${shelterA}') as r`)
	},
	{
		name: 'rpc hq_reset_password',
		expect: hqOnly,
		run: q(`select public.hq_reset_password('${ids.staffB}', '${hash}') as r`)
	},
	{
		name: 'rpc hq_move_account',
		expect: hqOnly,
		run: q(`select public.hq_move_account('${ids.staffB}', '${shelterA}') as r`)
	},
	{
		name: 'rpc hq_set_disabled',
		expect: hqOnly,
		run: q(`select public.hq_set_disabled('${ids.staffB}', true) as r`)
	},
	{
		name: 'rpc hq_create_enrollment_code',
		expect: hqOnly,
		run: q(`select public.hq_create_enrollment_code('${shelterA}', '${'b'.repeat(64)}') as r`)
	},
	{ name: 'rpc hq_enrollment_codes', expect: hqOnly, run: q('select public.hq_enrollment_codes() as r') },
	{
		name: 'rpc redeem_enrollment_code',
		expect: none,
		run: q(`select public.redeem_enrollment_code('${'a'.repeat(64)}', 'synthetic-device', '${hash}') as r`)
	},
	{
		name: 'rpc create_account called directly',
		expect: none,
		run: q(`select public.create_account('synthetic-x', '${hash}', 'hq', null, 'person') as r`)
	},
	{
		name: 'rpc audit_account called directly',
		expect: none,
		run: q(`select public.audit_account('${ids.staffA}', 'create', null) as r`)
	},
	// Supabase-mode steps of the server (migration 20261206000000): service_role only.
	{
		name: 'rpc platform_link_account called directly',
		expect: none,
		run: q(`select public.platform_link_account('${ids.hq}', '${ids.nobody}', 'hq', null) as r`)
	},
	{
		name: 'rpc platform_reset_password called directly',
		expect: none,
		run: q(`select public.platform_reset_password('${ids.hq}', '${ids.staffA}') as r`)
	},
	{
		name: 'rpc audit_account_by called directly',
		expect: none,
		run: q(`select public.audit_account_by('${ids.hq}', '${ids.staffA}', 'create', null) as r`)
	},
	{
		name: 'rpc require_hq_actor called directly',
		expect: none,
		run: q(`select public.require_hq_actor('${ids.hq}') as r`)
	},
	{
		name: 'rpc end_gotrue_sessions called directly',
		expect: none,
		run: q(`select public.end_gotrue_sessions('${ids.staffA}') as r`)
	},
	{ name: 'rpc auth_is_gotrue called directly', expect: none, run: q('select public.auth_is_gotrue() as r') },
	{
		name: 'rpc platform_claim_enrollment_code called directly',
		expect: none,
		run: q(`select public.platform_claim_enrollment_code('${'d'.repeat(64)}') as r`)
	},
	{
		name: 'rpc platform_enroll_device called directly',
		expect: none,
		run: q(`select public.platform_enroll_device(gen_random_uuid(), null) as r`)
	},
	{
		name: 'rpc signin_admit',
		expect: none,
		run: q(`select public.signin_admit('x', 'y', '{}'::jsonb) as r`)
	},
	{ name: 'rpc signin_settle', expect: none, run: q(`select public.signin_settle(1, 'right') as r`) },
	{ name: 'enroll select', expect: none, run: q('select id from public.enrollment_codes') },
	{
		name: 'enroll insert',
		expect: none,
		run: q(`insert into public.enrollment_codes (code_sha256, shelter_id, expires_at)
			values ('${'c'.repeat(64)}', '${shelterA}', now() + interval '1 minute') returning id`)
	},
	{
		name: 'enroll update',
		expect: none,
		run: q(`update public.enrollment_codes set used_at = now() returning id`)
	},
	{ name: 'enroll delete', expect: none, run: q('delete from public.enrollment_codes returning id') },
	{ name: 'signins select', expect: none, run: q('select id from public.signin_attempts') },
	{
		name: 'signins insert',
		expect: none,
		run: q(`insert into public.signin_attempts (username, address) values ('x', 'y') returning id`)
	},
	{
		name: 'signins update',
		expect: none,
		run: q('update public.signin_attempts set pair_cleared = true returning id')
	},
	{ name: 'signins delete', expect: none, run: q('delete from public.signin_attempts returning id') },
	{ name: 'known select', expect: none, run: q('select username from public.signin_known') },
	{
		name: 'known insert',
		expect: none,
		run: q(
			`insert into public.signin_known (username, address, at) values ('x', 'y', now()) returning username`
		)
	},
	{
		name: 'known update',
		expect: none,
		run: q('update public.signin_known set at = now() returning username')
	},
	{ name: 'known delete', expect: none, run: q('delete from public.signin_known returning username') },
	{
		name: 'staff update own disabled_at',
		expect: none,
		run: q(
			`update public.staff set disabled_at = null, kind = 'person' where user_id = auth.uid() returning user_id`
		)
	}
];

/** Matrix row prefix → table, to prove every table in public has rows in the matrix. */
const tableOfPrefix: Record<string, string> = {
	shelters: 'shelters',
	staff: 'staff',
	settings: 'settings',
	reports: 'shelter_reports',
	status: 'shelter_status',
	alerts: 'alerts',
	messages: 'messages',
	receipts: 'message_reads',
	audit: 'audit_log',
	jma: 'jma_telegrams',
	jmaentries: 'jma_feed_entries',
	jmastate: 'jma_feed_state',
	sessions: 'session_versions',
	orders: 'shelter_open_orders',
	enroll: 'enrollment_codes',
	signins: 'signin_attempts',
	known: 'signin_known'
};

async function arrange(db: Database): Promise<State> {
	await createFixtures(db);
	// One row in session_versions (an account no test signs in as), so the select probe can see one.
	await db.asService((tx) => tx.query('select public.revoke_sessions($1)', [ids.nobody]));
	// One enrollment code and one sign-in attempt, so the select probes could see a row.
	await db.asService(async (tx) => {
		await tx.query(
			`insert into public.enrollment_codes (code_sha256, shelter_id, expires_at)
			 values ($1, $2, now() + interval '15 minutes')`,
			['d'.repeat(64), shelterA]
		);
		await tx.query(`select public.signin_admit('synthetic-x', '192.0.2.1', $1::jsonb)`, [
			JSON.stringify({ window_s: 900, pair: 5, address: 100, username: 100, known_days: 30 })
		]);
		await tx.query(
			`insert into public.signin_known (username, address, at) values ('synthetic-x', '192.0.2.1', now())`
		);
	});
	const a = await rpc<{ id: number }>(db, 'staffA', 'public.submit_report($1)', [reportBody(shelterA)]);
	const b = await rpc<{ id: number }>(db, 'staffB', 'public.submit_report($1)', [reportBody(shelterB)]);
	const alert = await rpc<{ id: string }>(db, 'hq', 'public.issue_alert($1)', [
		{ level: 3, hazard: 'flood', areas: ['synthetic-town'], text: { ja: 'synthetic alert' } }
	]);
	const messageA = await rpc<{ id: string }>(db, 'hq', 'public.send_message($1)', [
		{ shelter_id: shelterA, body: 'synthetic to A' }
	]);
	const messageAll = await rpc<{ id: string }>(db, 'hq', 'public.send_message($1)', [
		{ shelter_id: null, body: 'synthetic to all' }
	]);
	await rpc(db, 'staffA', 'public.mark_message_read($1)', [messageAll.id]);
	const [orderA, orderB] = await rpc<{ id: number }[]>(db, 'hq', 'public.issue_open_orders($1)', [
		{ shelter_ids: [shelterA, shelterB], note: 'synthetic order' }
	]);
	return {
		reportA: a.id,
		reportB: b.id,
		alertId: alert.id,
		messageA: messageA.id,
		messageAll: messageAll.id,
		orderA: orderA.id,
		orderB: orderB.id
	};
}

/**
 * On Supabase, GoTrue owns auth.users (its auth.refresh_tokens table is what our SQL looks for):
 * no caller, not even HQ, may write a password hash there through SQL; the server manages
 * accounts through auth.admin instead (supabase-admin/accounts.ts).
 */
const gotrueRows: Row[] = [
	...['rpc hq_create_account', 'rpc hq_reset_password'].map((name) => ({
		...matrix.find((row) => row.name === name)!,
		expect: none
	})),
	matrix.find((row) => row.name === 'rpc hq_accounts')!
];

describe('RLS matrix on a Supabase-shaped auth schema (pglite)', () => {
	let opened: OpenedDatabase;
	let state: State;

	beforeAll(async () => {
		opened = await openTestDatabase('pglite');
		state = await arrange(opened.db);
		await opened.db.asService((tx) => tx.exec(gotrueSchemaSql));
	}, 120_000);
	afterAll(async () => opened?.close(), 30_000);

	test.each(gotrueRows)('$name on Supabase', async (row) => {
		for (const actor of actors) {
			const outcome = await probe(opened.db, actor, (tx) => row.run(tx, state));
			const cell = 'rows' in outcome && outcome.rows.length > 0 ? 'allow' : 'deny';
			expect(cell, `${actor}: ${JSON.stringify(outcome)}`).toBe(row.expect[actor]);
		}
	});
});

describe.each(drivers)('RLS matrix on %s', (driver) => {
	let opened: OpenedDatabase;
	let state: State;

	beforeAll(async () => {
		opened = await openTestDatabase(driver);
		state = await arrange(opened.db);
	}, 120_000);
	afterAll(async () => opened?.close(), 30_000);

	test('covers every table of schema public with select, insert, update and delete', async () => {
		const tables = await opened.db.asService((tx) =>
			tx.query<{ name: string }>(
				`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
				 where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`
			)
		);
		const covered = (table: string, op: RegExp) =>
			matrix.some((row) => tableOfPrefix[row.name.split(' ')[0]] === table && op.test(row.name));
		for (const { name } of tables.rows) {
			for (const op of [/ select/, / insert/, / update/, / delete/]) {
				expect(covered(name, op), `${name}${op.source}`).toBe(true);
			}
		}
	});

	test.each(matrix)('$name', async (row) => {
		const actual = {} as Record<Actor, Cell>;
		const detail: Record<string, string> = {};
		for (const actor of actors) {
			const outcome = await probe(opened.db, actor, (tx) => row.run(tx, state));
			actual[actor] = 'rows' in outcome && outcome.rows.length > 0 ? 'allow' : 'deny';
			detail[actor] = 'error' in outcome ? outcome.error : `${outcome.rows.length} rows`;
		}
		expect(actual, JSON.stringify(detail)).toEqual(row.expect);
	});
});
