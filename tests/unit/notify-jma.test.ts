/**
 * 「気象警報も受け取る」 (20261205160000_notify_jma_warnings.sql): storing a JMA telegram that puts a
 * warning of 警戒レベル3相当 or above in effect for 狛江市 queues, in the telegram's transaction, one
 * delivery per subscriber with `jma` on — on PGlite and on PostgreSQL with the real migrations —
 * and the worker delivers it to a loopback push service (decrypted) and a loopback SMTP server as
 * JMA's, never as the city's alert. Telegrams are DERIVED from the real samples in
 * ../shared/data/jma at test time (加工, tests/support/jma.ts); subscribers are synthetic.
 */
import webpush from 'web-push';
import { beforeAll, describe, expect, test } from 'vitest';
import { jmaSubject } from '#lib/notify/jma-mail.ts';
import { type JmaPushPayload, jmaPushPayload } from '#lib/notify/jma-payload.ts';
import { ingestTelegram } from '#lib/server/jma/ingest.ts';
import type { Database } from '#lib/server/db/types.ts';
import { smtpMailer } from '#lib/server/notify/mailer.ts';
import { fetchTransport } from '#lib/server/notify/push-transport.ts';
import { DeliveryWorker } from '#lib/server/notify/worker.ts';
import {
	derivedH27Komae,
	derivedLandslideKomae,
	derivedR06Komae,
	derivedTamagawaFlood,
	withHead
} from '../support/jma.ts';
import { startPushService } from '../support/push-service.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';
import {
	actors,
	createFixtures,
	drivers,
	fixtureDatabase,
	openTestDatabase,
	probe,
	rpc
} from './db-fixtures.ts';
import { callFrom, countRows, syntheticPushKeys } from './notify-fixtures.ts';

let address = 0;
const nextAddress = () => `198.51.100.${++address}`;

function pushBody(extra: Record<string, unknown> = {}) {
	const keys = syntheticPushKeys(`https://push.example.invalid/${crypto.randomUUID()}`);
	return { endpoint: keys.endpoint, keys: keys.keys, areas: ['synthetic-町1'], locale: 'ja', ...extra };
}

const subscribePush = (db: Database, body: Record<string, unknown>) =>
	callFrom<{ manage_token: string; jma: boolean }>(db, null, nextAddress(), 'subscribe_push', [body]);

/** JMA deliveries per subscriber endpoint: [endpoint or email, kind, version], by event then who. */
async function jmaDeliveries(db: Database): Promise<[string, string, number][]> {
	const r = await db.asService((tx) =>
		tx.query<{ who: string; kind: string; version: number }>(
			`select coalesce(s.endpoint, s.email) as who, e.kind, d.version
			 from notify.deliveries as d join notify.jma_events as e on e.id = d.jma_event_id
			 left join notify.subscribers as s on s.id = d.subscriber_id order by d.jma_event_id, coalesce(s.endpoint, s.email) collate "C"`
		)
	);
	return r.rows.map((row) => [row.who, row.kind, row.version]);
}

describe.each(drivers)('JMA warning notifications on %s', (driver) => {
	const opened = fixtureDatabase(driver);
	let db: Database;
	beforeAll(() => {
		db = opened.db;
	});

	test('the subscribe and update RPCs take `jma` (default off), refuse a non-boolean with nothing written, and the manage view shows it', async () => {
		const off = await subscribePush(db, pushBody());
		expect(off.jma).toBe(false);
		const on = await subscribePush(db, pushBody({ jma: true }));
		expect(on.jma).toBe(true);
		expect(await rpc(db, 'anon', 'public.my_subscription($1)', [on.manage_token])).toMatchObject({
			jma: true
		});

		const before = await countRows(db, 'subscribers');
		const attempts = await countRows(db, 'subscribe_attempts');
		for (const jma of ['yes', 1, null, { on: true }]) {
			const refused = await probe(db, 'anon', (tx) =>
				tx.query('select public.subscribe_push($1)', [JSON.stringify(pushBody({ jma }))])
			);
			expect(refused, JSON.stringify(jma)).toMatchObject({ code: '22023' });
		}
		const badMail = await probe(db, 'anon', (tx) =>
			tx.query('select public.subscribe_email($1)', [
				JSON.stringify({ email: 'x@example.com', areas: ['all'], locale: 'ja', jma: 'on' })
			])
		);
		expect(badMail).toMatchObject({ code: '22023' });
		expect(await countRows(db, 'subscribers')).toBe(before);
		expect(await countRows(db, 'subscribe_attempts')).toBe(attempts);

		const prefs = { areas: ['all'], locale: 'en', drills: false };
		const changed = await rpc(db, 'anon', 'public.update_subscription($1, $2)', [
			off.manage_token,
			JSON.stringify({ ...prefs, jma: true })
		]);
		expect(changed).toMatchObject({ jma: true, locale: 'en' });
		const badUpdate = await probe(db, 'anon', (tx) =>
			tx.query('select public.update_subscription($1, $2)', [
				off.manage_token,
				JSON.stringify({ ...prefs, locale: 'ko', jma: 'no' })
			])
		);
		expect(badUpdate).toMatchObject({ code: '22023' });
		expect(await rpc(db, 'anon', 'public.my_subscription($1)', [off.manage_token])).toMatchObject({
			jma: true,
			locale: 'en'
		});
		// Omitted: off again (the form always sends it).
		expect(
			await rpc(db, 'anon', 'public.update_subscription($1, $2)', [off.manage_token, JSON.stringify(prefs)])
		).toMatchObject({ jma: false });
		await db.asService((tx) => tx.exec('delete from notify.subscribers'));
	});

	test.each(actors)('%s reads no jma column, event, state or worker answer', async (actor) => {
		for (const sql of [
			'select jma from notify.subscribers',
			'select * from notify.jma_events',
			'select * from notify.jma_state',
			'select jma_event_id from notify.deliveries',
			'select notify.jma_claimed(array[1]::bigint[])',
			'select * from notify.jma_levels()',
			`update notify.jma_state set level = 3 returning 1`,
			`delete from notify.jma_events returning 1`
		]) {
			expect(await probe(db, actor, (tx) => tx.query(sql)), `${actor}: ${sql}`).toMatchObject({
				code: '42501'
			});
		}
	});

	test('a レベル3相当 warning queues one delivery per jma subscriber, once; a 注意報 and a 継続 at the same level queue nothing; a 取消 sends 解除 to who got it', async () => {
		const wantsA = pushBody({ jma: true });
		const wantsB = pushBody({ jma: true, areas: ['synthetic-町2'], drills: true });
		const not = pushBody();
		for (const body of [wantsA, wantsB, not]) await subscribePush(db, body);
		// An e-mail subscriber with jma on: only once confirmed (double opt-in).
		await callFrom(db, null, nextAddress(), 'subscribe_email', [
			{ email: 'unconfirmed@example.com', areas: ['all'], locale: 'ja', jma: true }
		]);

		// 大雨・雷・洪水注意報 (H27): level 2 at most — nothing.
		const advisory = await ingestTelegram(db, derivedH27Komae('発表'), { source: 'feed' });
		expect(advisory).toMatchObject({ outcome: 'stored', changed: true });
		expect(await jmaDeliveries(db)).toEqual([]);
		expect(await countRows(db, 'jma_events')).toBe(0);

		// レベル３大雨警報 (R06, 継続) for 狛江市: one each for A and B, none for `not`.
		const warningXml = derivedR06Komae();
		expect(await ingestTelegram(db, warningXml, { source: 'feed' })).toMatchObject({ outcome: 'stored' });
		expect(await jmaDeliveries(db)).toEqual(
			[
				[wantsA.endpoint, 'warning', 1],
				[wantsB.endpoint, 'warning', 1]
			].sort()
		);
		const event = await db.asService((tx) =>
			tx.query<{ title: string; level: number; ended: boolean }>(
				'select title, level, ended from notify.jma_events'
			)
		);
		expect(event.rows).toEqual([{ title: 'レベル３大雨警報', level: 3, ended: false }]);

		// The same telegram again (another channel): a duplicate, nothing queued.
		expect(await ingestTelegram(db, warningXml, { source: 'drop' })).toMatchObject({ outcome: 'duplicate' });
		// A later 継続 at the same level: stored, nothing queued.
		const continued = withHead(warningXml, { reportDateTime: '2024-11-02T12:00:00+09:00' });
		expect(await ingestTelegram(db, continued, { source: 'feed' })).toMatchObject({ outcome: 'stored' });
		expect(await jmaDeliveries(db)).toHaveLength(2);

		// Now confirmed: the e-mail subscriber gets the next raise.
		await db.asService((tx) =>
			tx.query(`update notify.subscribers set confirmed_at = now() where email = 'unconfirmed@example.com'`)
		);
		// レベル４土砂災害危険警報: another kind, level 4.
		const landslide = derivedLandslideKomae();
		expect(await ingestTelegram(db, landslide, { source: 'feed' })).toMatchObject({ outcome: 'stored' });
		expect((await jmaDeliveries(db)).slice(2)).toEqual(
			[
				[wantsA.endpoint, 'landslide', 1],
				[wantsB.endpoint, 'landslide', 1],
				['unconfirmed@example.com', 'landslide', 1]
			].sort()
		);

		// B turns jma off; then the 土砂災害警戒情報 is cancelled (取消): 解除 to A and the mail only.
		await db.asService((tx) =>
			tx.query(`update notify.subscribers set jma = false where endpoint = $1`, [wantsB.endpoint])
		);
		const cancelled = withHead(landslide, { infoType: '取消', reportDateTime: '2024-11-02T19:00:00+09:00' });
		expect(await ingestTelegram(db, cancelled, { source: 'feed' })).toMatchObject({ outcome: 'stored' });
		expect((await jmaDeliveries(db)).slice(5)).toEqual([
			[wantsA.endpoint, 'landslide', 2],
			['unconfirmed@example.com', 'landslide', 2]
		]);
		const ended = await db.asService((tx) =>
			tx.query<{ kind: string; level: number; ended: boolean }>(
				'select kind, level, ended from notify.jma_events order by id'
			)
		);
		expect(ended.rows.at(-1)).toEqual({ kind: 'landslide', level: 4, ended: true });
		// Drills and areas never mattered; nobody was queued twice.
		const twice = await db.asService((tx) =>
			tx.query(
				'select jma_event_id, subscriber_id from notify.deliveries where jma_event_id is not null group by 1, 2 having count(*) > 1'
			)
		);
		expect(twice.rows).toEqual([]);
		// A delivery is about an alert or a JMA event, never both.
		await expect(
			db.asService((tx) =>
				tx.query(
					`insert into notify.deliveries (alert_id, jma_event_id, version, channel)
					 select gen_random_uuid(), e.id, 1, 'push' from notify.jma_events e limit 1`
				)
			)
		).rejects.toMatchObject({ code: '23514' });
	});
});

/**
 * The 多摩川 forecast DERIVED at test time (加工) at another level: JMA's kind code and name of the
 * level (20 レベル２氾濫注意報 → 30 レベル３氾濫警報 / 40 レベル４氾濫危険警報), Serial and time.
 */
function tamagawaAt(level: 2 | 3 | 4, serial: number): string {
	const kinds = {
		2: ['20', 'レベル２氾濫注意報'],
		3: ['30', 'レベル３氾濫警報'],
		4: ['40', 'レベル４氾濫危険警報']
	};
	const [code, name] = kinds[level];
	const xml = derivedTamagawaFlood()
		.replaceAll('<Code>20</Code>', `<Code>${code}</Code>`)
		.replaceAll('レベル２氾濫注意報', name);
	const minute = String(serial).padStart(2, '0');
	return withHead(xml, { serial: String(serial), reportDateTime: `2025-08-07T07:${minute}:00+09:00` });
}

describe.each(drivers)('JMA river forecast levels on %s', (driver) => {
	const opened = fixtureDatabase(driver);

	test('a rise notifies, a fall that stays at レベル3相当+ is silent, a new rise notifies again, a fall below 3 ends it', async () => {
		const db = opened.db;
		const sub = pushBody({ jma: true });
		await subscribePush(db, sub);
		const events = async () =>
			(
				await db.asService((tx) =>
					tx.query<{ e: string }>(
						`select e.kind || ' ' || e.level || ' ' || case when e.ended then 'ended' else 'raised' end
							|| ' ' || e.title || ' ' || count(d.id) as e
						 from notify.jma_events as e left join notify.deliveries as d on d.jma_event_id = e.id
						 group by e.id order by e.id`
					)
				)
			).rows.map((r) => r.e);
		const steps: [2 | 3 | 4, string[]][] = [
			[2, []],
			[3, ['flood-830305000100 3 raised 多摩川レベル３氾濫警報 1']],
			[4, ['flood-830305000100 4 raised 多摩川レベル４氾濫危険警報 1']],
			[3, []],
			[4, ['flood-830305000100 4 raised 多摩川レベル４氾濫危険警報 1']],
			[2, ['flood-830305000100 4 ended 多摩川レベル４氾濫危険警報 1']]
		];
		const seen: string[] = [];
		for (const [i, [level, expected]] of steps.entries()) {
			expect(await ingestTelegram(db, tamagawaAt(level, i + 1), { source: 'feed' })).toMatchObject({
				outcome: 'stored'
			});
			seen.push(...expected);
			expect(await events(), `step ${i + 1}: level ${level}`).toEqual(seen);
		}
		expect(await countRows(db, 'deliveries', `jma_event_id is not null and subscriber_id is not null`)).toBe(
			4
		);
	});
});

describe('JMA warning delivery (worker, loopback push service and SMTP)', () => {
	test('the push carries JMA’s title, 出典：気象庁ホームページ and the tag jma-<kind>; the mail 【気象庁の発表】 and one-click unsubscribe', async () => {
		const opened = await openTestDatabase('pglite');
		const push = await startPushService();
		const smtp = await startSmtpSink();
		try {
			const db = opened.db;
			await createFixtures(db);
			const origin = 'https://bosai.example.jp';
			const worker = new DeliveryWorker({
				db,
				vapid: { ...webpush.generateVAPIDKeys(), subject: 'mailto:ops@bosai.example.jp' },
				transport: fetchTransport({ loopbackHttp: true }),
				mailer: smtpMailer(smtp.url, 'Komae <alerts@bosai.example.jp>'),
				origin,
				pushHosts: ['127.0.0.1']
			});
			const drain = async () => {
				for (let i = 0; i < 20; i++) if ((await worker.drainOnce()) === 0) return;
			};
			const ja = push.subscribe();
			const en = push.subscribe();
			const off = push.subscribe();
			for (const [sub, locale, jma] of [
				[ja, 'ja', true],
				[en, 'en', true],
				[off, 'ja', false]
			] as const) {
				await callFrom(db, null, nextAddress(), 'subscribe_push', [
					{ endpoint: sub.endpoint, keys: sub.keys, areas: ['synthetic-町1'], locale, jma }
				]);
			}
			await callFrom(db, null, nextAddress(), 'subscribe_email', [
				{ email: 'jma@example.com', areas: ['all'], locale: 'ja', jma: true }
			]);
			await db.asService((tx) => tx.query('update notify.subscribers set confirmed_at = now()'));
			await drain();
			const confirmations = smtp.mails.length;

			await ingestTelegram(db, derivedLandslideKomae(), { source: 'feed' });
			await drain();

			expect(push.rejected).toEqual([]);
			expect(push.messages(off.id)).toEqual([]);
			const [message] = push.messages(ja.id);
			expect(message.topic).toBe('jma-landslide');
			const payload = message.payload as JmaPushPayload;
			expect(payload).toMatchObject({
				source: 'jma',
				tag: 'jma-landslide',
				ended: false,
				url: '/',
				title: '気象庁：神奈川県レベル４土砂災害危険警報（狛江市）'
			});
			expect(payload.body.endsWith('\n出典：気象庁ホームページ')).toBe(true);
			expect(payload.body).toContain('狛江市の避難情報ではありません');
			// Never the city's alert: no alert id, level colour or level icon.
			expect(payload).not.toHaveProperty('alert_id');
			expect(payload).not.toHaveProperty('color');
			expect(payload.icon).not.toMatch(/level-/);
			expect((push.messages(en.id)[0].payload as JmaPushPayload).title).toBe(
				'JMA: 神奈川県レベル４土砂災害危険警報 (Komae)'
			);

			const [mail] = await smtp.waitFor(confirmations + 1).then((all) => all.slice(confirmations));
			expect(mail.subject).toBe('【気象庁の発表】神奈川県レベル４土砂災害危険警報（狛江市）');
			expect(mail.subject).not.toContain('【狛江市】');
			expect(mail.text?.trimEnd().endsWith('出典：気象庁ホームページ')).toBe(true);
			const header = mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
			expect(header.replace(/\r?\n\s+/g, '')).toMatch(
				/^List-Unsubscribe:\s*<https:\/\/bosai\.example\.jp\/api\/notify\/unsubscribe\?token=[0-9a-f]{64}>$/i
			);
			expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toMatch(
				/List-Unsubscribe=One-Click/
			);
			expect(mail.text).toContain(`${origin}/notify/manage#token=`);
			expect(await countRows(db, 'deliveries', `jma_event_id is not null and status = 'sent'`)).toBe(3);

			// The 取消 ends it: a short 解除 with the same tag replaces the notification.
			await ingestTelegram(
				db,
				withHead(derivedLandslideKomae(), { infoType: '取消', reportDateTime: '2024-11-02T19:00:00+09:00' }),
				{ source: 'feed' }
			);
			await drain();
			expect(push.messages(ja.id)).toHaveLength(1);
			expect(push.messages(ja.id)[0].payload).toMatchObject({
				tag: 'jma-landslide',
				ended: true,
				title: '気象庁：神奈川県レベル４土砂災害危険警報（狛江市）解除'
			});
			const [lifted] = await smtp.waitFor(confirmations + 2).then((all) => all.slice(confirmations + 1));
			expect(lifted.subject).toBe('【気象庁の発表】神奈川県レベル４土砂災害危険警報（狛江市）（解除）');
		} finally {
			await push.close();
			await smtp.close();
			await opened.close();
		}
	}, 120_000);
});

describe('JMA notification text', () => {
	const event = {
		id: 1,
		kind: 'flood-830305000100',
		level: 4 as const,
		ended: false,
		title: '多摩川レベル４氾濫危険警報',
		headline: Array.from({ length: 6 }, (_, i) => `synthetic line ${i + 1}`).join('\n'),
		report_at: '2026-12-05T00:00:00Z'
	};

	test('JMA’s text is cut to three lines and marked 「一部を表示」; the citation stays last; the title keeps JMA’s words', () => {
		const payload = jmaPushPayload(event, 'ja');
		expect(payload.tag).toBe('jma-flood-830305000100');
		expect(payload.title).toBe('気象庁：多摩川レベル４氾濫危険警報（狛江市）');
		expect(payload.body).toBe(
			'synthetic line 1\nsynthetic line 2\nsynthetic line 3（一部を表示）\n' +
				'気象庁の発表です。狛江市の避難情報ではありません。\n出典：気象庁ホームページ'
		);
		const short = jmaPushPayload({ ...event, headline: 'synthetic one line' }, 'ko');
		expect(short.body).not.toContain('一部');
		expect(short.body.endsWith('\n出典：気象庁ホームページ')).toBe(true);
		expect(jmaPushPayload(event, 'xx').locale).toBe('ja');
	});

	test('an end says 解除 in the title and the subject; the subject never starts with 【狛江市】', () => {
		const ended = { ...event, ended: true };
		expect(jmaPushPayload(ended, 'ja-x-easy').title).toBe(
			'きしょうちょう：多摩川レベル４氾濫危険警報（こまえし）おわり'
		);
		expect(jmaPushPayload(ended, 'ja').body.split('\n')[0]).toBe(
			'この情報は解除されたか、警戒レベル3相当未満になりました。'
		);
		expect(jmaSubject(ended)).toBe('【気象庁の発表】多摩川レベル４氾濫危険警報（狛江市）（解除）');
		expect(jmaSubject(event)).toBe('【気象庁の発表】多摩川レベル４氾濫危険警報（狛江市）');
	});
});
