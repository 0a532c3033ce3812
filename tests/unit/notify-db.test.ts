/**
 * The notification tables and RPCs of 20261202200000_create_notify.sql, on the embedded PGlite
 * and on a real PostgreSQL server: nobody but the platform reads a subscription, the RPCs refuse
 * bad input and over-eager addresses with nothing written, and issuing or cancelling an alert
 * queues exactly one delivery per matching subscriber in the same transaction.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	type Actor,
	type OpenedDatabase,
	actors,
	createFixtures,
	drivers,
	openTestDatabase,
	probe,
	rpc
} from './db-fixtures.ts';
import { callFrom, countRows, syntheticPushKeys } from './notify-fixtures.ts';

const prefs = (areas: string[], extra: Record<string, unknown> = {}) => ({
	areas,
	locale: 'en',
	drills: false,
	...extra
});

function pushBody(areas: string[], extra: Record<string, unknown> = {}) {
	const keys = syntheticPushKeys(`https://push.example.invalid/${crypto.randomUUID()}`);
	return { endpoint: keys.endpoint, keys: keys.keys, ...prefs(areas), ...extra };
}

describe.each(drivers)('notification subscriptions on %s', (driver) => {
	let opened: OpenedDatabase;
	let address = 0;
	/** A fresh client address per call, so only the rate-limit test meets the limit. */
	const nextAddress = () => `192.0.2.${++address % 250}-${address}`;

	beforeAll(async () => {
		opened = await openTestDatabase(driver);
		await createFixtures(opened.db);
	}, 120_000);
	afterAll(async () => opened?.close(), 30_000);

	const subscribePush = (body: unknown, from = nextAddress()) =>
		callFrom<{ manage_token: string; areas: string[]; locale: string }>(
			opened.db,
			null,
			from,
			'subscribe_push',
			[body]
		);

	test.each(actors)('%s cannot select, insert, update or delete any notify table', async (actor: Actor) => {
		await subscribePush(pushBody(['synthetic-町1']));
		for (const table of ['subscribers', 'tokens', 'deliveries', 'subscribe_attempts']) {
			for (const sql of [
				`select * from notify.${table}`,
				`delete from notify.${table} returning 1`,
				`update notify.${table} set ${table === 'subscribe_attempts' ? 'at' : 'id'} = ${table === 'subscribe_attempts' ? 'at' : 'id'} returning 1`
			]) {
				const outcome = await probe(opened.db, actor, (tx) => tx.query(sql));
				expect(outcome, `${actor}: ${sql}`).toMatchObject({ code: '42501' });
			}
		}
		const insert = await probe(opened.db, actor, (tx) =>
			tx.query(
				`insert into notify.subscribers (channel, areas, locale, email) values ('email', '{all}', 'ja', 'x@example.com') returning id`
			)
		);
		expect(insert).toMatchObject({ code: '42501' });
		const workerCall = await probe(opened.db, actor, (tx) => tx.query(`select notify.claim(10, 60)`));
		expect(workerCall).toMatchObject({ code: '42501' });
	});

	test('a push subscription answers a manage token whose hash only is stored, and the token shows and changes it', async () => {
		const body = pushBody(['synthetic-町1', 'synthetic-町2']);
		const made = await subscribePush(body);
		expect(made.manage_token).toMatch(/^[0-9a-f]{64}$/);
		expect(made).toMatchObject({ channel: 'push', areas: ['synthetic-町1', 'synthetic-町2'], locale: 'en' });
		const stored = await opened.db.asService((tx) =>
			tx.query<{ hex: string }>(`select encode(token_hash, 'hex') as hex from notify.tokens`)
		);
		expect(stored.rows.map((r) => r.hex)).not.toContain(made.manage_token);

		const seen = await rpc(opened.db, 'anon', 'public.my_subscription($1)', [made.manage_token]);
		expect(seen).toMatchObject({ channel: 'push', drills: false });
		const changed = await rpc(opened.db, 'anon', 'public.update_subscription($1, $2)', [
			made.manage_token,
			JSON.stringify(prefs(['all'], { locale: 'ko', drills: true }))
		]);
		expect(changed).toMatchObject({ areas: ['all'], locale: 'ko', drills: true });
		const wrong = await probe(opened.db, 'hq', (tx) =>
			tx.query('select public.my_subscription($1)', ['0'.repeat(64)])
		);
		expect(wrong).toMatchObject({ code: 'P0002' });

		const before = await countRows(opened.db, 'subscribers');
		await rpc(opened.db, 'anon', 'public.delete_subscription($1)', [made.manage_token]);
		expect(await countRows(opened.db, 'subscribers')).toBe(before - 1);
		expect(await countRows(opened.db, 'subscribers', `endpoint = '${body.endpoint}'`)).toBe(0);
	});

	const badPush: [string, Record<string, unknown>][] = [
		['an http: endpoint', { endpoint: 'http://push.example.invalid/x' }],
		['an endpoint with credentials', { endpoint: 'https://user:pw@push.example.invalid/x' }],
		[
			'a 64-byte p256dh',
			{
				keys: {
					p256dh: Buffer.alloc(64, 4).toString('base64url'),
					auth: Buffer.alloc(16).toString('base64url')
				}
			}
		],
		[
			'a compressed p256dh',
			{
				keys: {
					p256dh: Buffer.concat([Buffer.from([2]), Buffer.alloc(64)]).toString('base64url'),
					auth: Buffer.alloc(16).toString('base64url')
				}
			}
		],
		[
			'a 12-byte auth secret',
			{ keys: { p256dh: syntheticPushKeys('x').keys.p256dh, auth: Buffer.alloc(12).toString('base64url') } }
		],
		['21 areas', { areas: Array.from({ length: 21 }, (_, i) => `synthetic-町${i}`) }],
		['no area', { areas: [] }],
		['an unknown locale', { locale: 'fr' }]
	];
	test.each(badPush)('subscribe_push refuses %s with 22023 and writes nothing', async (_name, change) => {
		const before = await countRows(opened.db, 'subscribers');
		const attempts = await countRows(opened.db, 'subscribe_attempts');
		await expect(subscribePush({ ...pushBody(['synthetic-町1']), ...change })).rejects.toMatchObject({
			code: '22023'
		});
		expect(await countRows(opened.db, 'subscribers')).toBe(before);
		expect(await countRows(opened.db, 'subscribe_attempts')).toBe(attempts);
	});

	test.each([
		'not-an-address',
		'a@b',
		'two@@example.com',
		'dot.@example.com',
		`${'x'.repeat(65)}@example.com`
	])('subscribe_email refuses %s with 22023 and writes nothing', async (email) => {
		const before = await countRows(opened.db, 'subscribers');
		const mails = await countRows(opened.db, 'deliveries', 'version = 0');
		await expect(
			callFrom(opened.db, null, nextAddress(), 'subscribe_email', [{ email, ...prefs(['all']) }])
		).rejects.toMatchObject({ code: '22023' });
		expect(await countRows(opened.db, 'subscribers')).toBe(before);
		expect(await countRows(opened.db, 'deliveries', 'version = 0')).toBe(mails);
	});

	test('the 31st subscription from one address within 10 minutes is refused with PT429 and writes nothing', async () => {
		const from = '198.51.100.7';
		for (let i = 0; i < 30; i++) await subscribePush(pushBody(['synthetic-町1']), from);
		const before = await countRows(opened.db, 'subscribers');
		await expect(subscribePush(pushBody(['synthetic-町1']), from)).rejects.toMatchObject({ code: 'PT429' });
		await expect(
			callFrom(opened.db, null, from, 'subscribe_email', [{ email: 'rate@example.com', ...prefs(['all']) }])
		).rejects.toMatchObject({ code: 'PT429' });
		expect(await countRows(opened.db, 'subscribers')).toBe(before);
		// Another address is not affected.
		await expect(subscribePush(pushBody(['synthetic-町1']), '198.51.100.8')).resolves.toBeTruthy();
	});

	test('issuing an alert queues one delivery per matching subscriber in the same transaction; cancelling queues 解除 to the same ones', async () => {
		await opened.db.asService((tx) => tx.query('delete from notify.subscribers'));
		const town1 = await subscribePush(pushBody(['synthetic-一丁目']));
		await subscribePush(pushBody(['synthetic-二丁目']));
		const everywhere = await subscribePush(pushBody(['all']));
		await subscribePush(pushBody(['synthetic-一丁目'], { drills: true }));

		const alert = await rpc<{ id: string }>(opened.db, 'hq', 'public.issue_alert($1)', [
			{ level: 4, hazard: 'flood', areas: ['synthetic-一丁目'], text: { ja: 'synthetic 避難指示' } }
		]);
		const queued = await countRows(opened.db, 'deliveries', `alert_id = '${alert.id}' and version = 1`);
		expect(queued).toBe(3); // 一丁目 ×2 and 市内全域, not 二丁目
		expect(town1.manage_token).not.toBe(everywhere.manage_token);

		// A rolled-back issue leaves no delivery behind.
		const rolledBack = await probe(opened.db, 'hq', (tx) =>
			tx.query(`select public.issue_alert($1) as r`, [
				JSON.stringify({ level: 3, hazard: 'flood', areas: ['all'], text: { ja: 'synthetic' } })
			])
		);
		expect(rolledBack).toHaveProperty('rows');
		expect(await countRows(opened.db, 'deliveries', 'version = 1')).toBe(3);

		await rpc(opened.db, 'hq', 'public.cancel_alert($1)', [alert.id]);
		await rpc(opened.db, 'hq', 'public.cancel_alert($1)', [alert.id]);
		expect(await countRows(opened.db, 'deliveries', `alert_id = '${alert.id}' and version = 2`)).toBe(3);

		const counts = await rpc<{ queued: number; push: number }[]>(
			opened.db,
			'hq',
			'public.hq_delivery_counts($1)',
			[[alert.id]]
		);
		expect(counts[0]).toMatchObject({ queued: 6, sent: 0, failed: 0, push: 6, email: 0 });
		for (const actor of ['anon', 'staffA'] as const) {
			const refused = await probe(opened.db, actor, (tx) =>
				tx.query('select public.hq_delivery_counts($1)', [[alert.id]])
			);
			expect(refused, actor).toHaveProperty('error');
			const areas = await probe(opened.db, actor, (tx) => tx.query('select public.hq_subscriber_counts()'));
			expect(areas, actor).toHaveProperty('error');
		}
		const perArea = await rpc<{ area: string; push: number }[]>(
			opened.db,
			'hq',
			'public.hq_subscriber_counts()'
		);
		expect(perArea).toContainEqual({ area: 'synthetic-一丁目', push: 2, email: 0 });
	});

	test('a drill alert reaches only subscribers who asked for drills', async () => {
		await opened.db.asService((tx) => tx.query('delete from notify.subscribers'));
		await subscribePush(pushBody(['all']));
		await subscribePush(pushBody(['all'], { drills: true }));
		await rpc(opened.db, 'hq', 'public.set_drill_mode($1)', [true]);
		const drill = await rpc<{ id: string; drill: boolean }>(opened.db, 'hq', 'public.issue_alert($1)', [
			{ level: 3, hazard: 'flood', areas: ['all'], text: { ja: 'synthetic 訓練' } }
		]);
		await rpc(opened.db, 'hq', 'public.set_drill_mode($1)', [false]);
		expect(drill.drill).toBe(true);
		expect(await countRows(opened.db, 'deliveries', `alert_id = '${drill.id}'`)).toBe(1);
	});

	test('an e-mail subscription gets nothing but its confirmation mail until the link is opened, and the link expires', async () => {
		await opened.db.asService((tx) =>
			tx.exec('delete from notify.subscribers; delete from notify.deliveries')
		);
		const answer = await callFrom(opened.db, null, nextAddress(), 'subscribe_email', [
			{ email: ' Resident@Example.COM ', ...prefs(['all']) }
		]);
		expect(answer).toEqual({ status: 'pending' });
		const before = await rpc<{ id: string }>(opened.db, 'hq', 'public.issue_alert($1)', [
			{ level: 3, hazard: 'flood', areas: ['all'], text: { ja: 'synthetic' } }
		]);
		expect(await countRows(opened.db, 'deliveries', `alert_id = '${before.id}'`)).toBe(0);

		const claimed = await opened.db.asService((tx) =>
			tx.query<{ c: { version: number; email: string; confirm_token: string; manage_token: string }[] }>(
				'select notify.claim(10, 60) as c'
			)
		);
		const mail = claimed.rows[0].c[0];
		expect(mail).toMatchObject({ version: 0, email: 'resident@example.com' });
		expect(mail.confirm_token).toMatch(/^[0-9a-f]{64}$/);

		await opened.db.asService((tx) =>
			tx.query(`update notify.subscribers set confirm_expires_at = now() - interval '1 second'`)
		);
		await expect(
			rpc(opened.db, 'anon', 'public.confirm_email($1)', [mail.confirm_token])
		).rejects.toMatchObject({
			code: 'P0002'
		});
		await opened.db.asService((tx) =>
			tx.query(`update notify.subscribers set confirm_expires_at = now() + interval '1 hour'`)
		);
		const confirmed = await rpc(opened.db, 'anon', 'public.confirm_email($1)', [mail.confirm_token]);
		expect(confirmed).toMatchObject({ channel: 'email', confirmed: true, email_hint: 'r…@example.com' });
		expect(JSON.stringify(confirmed)).not.toContain('resident@');

		const after = await rpc<{ id: string }>(opened.db, 'hq', 'public.issue_alert($1)', [
			{ level: 3, hazard: 'flood', areas: ['all'], text: { ja: 'synthetic' } }
		]);
		expect(await countRows(opened.db, 'deliveries', `alert_id = '${after.id}'`)).toBe(1);

		// The mail's manage token deletes the subscription, and the address with it.
		await rpc(opened.db, 'anon', 'public.delete_subscription($1)', [mail.manage_token]);
		expect(await countRows(opened.db, 'subscribers', `email like '%example.com'`)).toBe(0);
		expect(await countRows(opened.db, 'deliveries', `alert_id = '${after.id}'`)).toBe(1);
	});

	test('purge_expired deletes unconfirmed sign-ups whose link expired (and their address), expired tokens and old rate-limit rows; nothing else', async () => {
		await opened.db.asService((tx) =>
			tx.exec(
				'delete from notify.subscribers; delete from notify.deliveries; delete from notify.subscribe_attempts'
			)
		);
		for (const email of [
			'expired@example.com',
			'waiting@example.com',
			'confirmed@example.com',
			'unsent@example.com'
		]) {
			await callFrom(opened.db, null, nextAddress(), 'subscribe_email', [{ email, ...prefs(['all']) }]);
		}
		const push = await subscribePush(pushBody(['synthetic-町1']));
		await opened.db.asService((tx) =>
			tx.exec(`
				update notify.subscribers set confirm_expires_at = now() - interval '1 minute' where email = 'expired@example.com';
				update notify.subscribers set confirm_expires_at = now() + interval '47 hours' where email = 'waiting@example.com';
				update notify.subscribers set confirmed_at = now() - interval '30 days', created_at = now() - interval '30 days'
					where email = 'confirmed@example.com';
				update notify.subscribers set created_at = now() - interval '8 days' where email = 'unsent@example.com';
				insert into notify.tokens (token_hash, subscriber_id, expires_at)
					select '\\x01'::bytea, id, now() - interval '1 second' from notify.subscribers where email = 'confirmed@example.com';
				update notify.subscribe_attempts set at = now() - interval '2 days'
					where ctid = (select ctid from notify.subscribe_attempts limit 1);
			`)
		);
		const attemptsBefore = await countRows(opened.db, 'subscribe_attempts');
		const tokensBefore = await countRows(opened.db, 'tokens');

		// Only the platform may run it.
		for (const actor of actors) {
			const outcome = await probe(opened.db, actor, (tx) => tx.query('select notify.purge_expired()'));
			expect(outcome).toMatchObject({ code: '42501' });
		}
		const purged = await opened.db.asService((tx) =>
			tx.query<{ p: { subscribers: number; tokens: number; attempts: number } }>(
				'select notify.purge_expired() as p'
			)
		);
		expect(purged.rows[0].p).toEqual({ subscribers: 2, tokens: 1, attempts: 1 });
		const left = await opened.db.asService((tx) =>
			tx.query<{ email: string | null }>('select email from notify.subscribers order by email nulls last')
		);
		expect(left.rows.map((r) => r.email)).toEqual(['confirmed@example.com', 'waiting@example.com', null]);
		expect(await countRows(opened.db, 'subscribe_attempts')).toBe(attemptsBefore - 1);
		expect(await countRows(opened.db, 'tokens')).toBe(tokensBefore - 1);
		// The push device's token (no expiry) still works.
		await expect(
			rpc(opened.db, 'anon', 'public.my_subscription($1)', [push.manage_token])
		).resolves.toMatchObject({
			channel: 'push'
		});
	});

	test('settle deletes a push subscription a push service called gone and never re-settles a row it no longer holds', async () => {
		await opened.db.asService((tx) =>
			tx.exec('delete from notify.subscribers; delete from notify.deliveries')
		);
		await subscribePush(pushBody(['all']));
		await subscribePush(pushBody(['all']));
		await rpc(opened.db, 'hq', 'public.issue_alert($1)', [
			{ level: 5, hazard: 'flood', areas: ['all'], text: { ja: 'synthetic' } }
		]);
		const settled = await opened.db.asService(async (tx) => {
			const { rows } = await tx.query<{ c: { id: number }[] }>('select notify.claim(10, 60) as c');
			const [a, b] = rows[0].c;
			const first = await tx.query<{ n: number }>('select notify.settle($1) as n', [
				JSON.stringify([
					{ id: a.id, outcome: 'sent' },
					{ id: b.id, outcome: 'gone', error: '410' }
				])
			]);
			const again = await tx.query<{ n: number }>('select notify.settle($1) as n', [
				JSON.stringify([{ id: a.id, outcome: 'retry' }])
			]);
			return [first.rows[0].n, again.rows[0].n];
		});
		expect(settled).toEqual([2, 0]);
		expect(await countRows(opened.db, 'subscribers')).toBe(1);
		expect(await countRows(opened.db, 'deliveries', `status = 'sent'`)).toBe(1);
	});
});
