/**
 * The delivery worker end to end, in process: real migrations on PGlite, subscriptions made
 * through the RPCs, alerts issued as HQ, pushes posted with fetch to a loopback push service that
 * checks VAPID and decrypts RFC 8291 (the vendors' push services are the one thing mocked: they
 * are on the internet), mails sent with nodemailer to a real SMTP server on loopback.
 */
import webpush from 'web-push';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { PushPayload } from '#lib/notify/payload.ts';
import { smtpMailer } from '#lib/server/notify/mailer.ts';
import { fetchTransport } from '#lib/server/notify/push-transport.ts';
import { DeliveryWorker } from '#lib/server/notify/worker.ts';
import { type LoopbackPushService, startPushService } from '../support/push-service.ts';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';
import { type OpenedDatabase, createFixtures, openTestDatabase, rpc } from './db-fixtures.ts';
import { callFrom, countRows } from './notify-fixtures.ts';

const origin = 'https://bosai.example.jp';
let opened: OpenedDatabase;
let push: LoopbackPushService;
let smtp: SmtpSink;
let worker: DeliveryWorker;
let address = 0;

beforeAll(async () => {
	opened = await openTestDatabase('pglite');
	await createFixtures(opened.db);
	push = await startPushService();
	smtp = await startSmtpSink();
	const keys = webpush.generateVAPIDKeys();
	worker = new DeliveryWorker({
		db: opened.db,
		vapid: { ...keys, subject: 'mailto:ops@bosai.example.jp' },
		transport: fetchTransport({ loopbackHttp: true }),
		mailer: smtpMailer(smtp.url, 'Komae <alerts@bosai.example.jp>'),
		origin,
		pushHosts: ['127.0.0.1'],
		policy: { baseMs: 1000, maxMs: 60_000, maxAttempts: 3 }
	});
}, 120_000);
afterAll(async () => {
	await push?.close();
	await smtp?.close();
	await opened?.close();
}, 30_000);
beforeEach(async () => {
	await opened.db.asService((tx) => tx.exec('delete from notify.subscribers; delete from notify.deliveries'));
	push.script(() => null);
});

async function drainAll(): Promise<void> {
	for (let i = 0; i < 100; i++) if ((await worker.drainOnce()) === 0) return;
}

async function subscribe(areas: string[], locale: string, extra: Record<string, unknown> = {}) {
	const sub = push.subscribe();
	await callFrom(opened.db, null, `203.0.113.${++address}`, 'subscribe_push', [
		{ endpoint: sub.endpoint, keys: sub.keys, areas, locale, drills: false, ...extra }
	]);
	return sub;
}

const issue = (areas: string[], level = 4, extra: Record<string, unknown> = {}) =>
	rpc<{ id: string }>(opened.db, 'hq', 'public.issue_alert($1)', [
		{
			level,
			hazard: 'flood',
			areas,
			text: {
				ja: '多摩川が氾濫するおそれ。\n高いところへ避難してください。',
				en: 'The Tama river may flood.\nMove to higher ground.'
			},
			...extra
		}
	]);

describe('push delivery', () => {
	test('each subscriber of the alert’s 町丁目 gets one decrypted push in their language; another 町丁目 gets nothing; 解除 replaces it', async () => {
		const ja = await subscribe(['synthetic-一丁目'], 'ja');
		const en = await subscribe(['all'], 'en');
		const other = await subscribe(['synthetic-二丁目'], 'ko');
		const alert = await issue(['synthetic-一丁目']);
		await drainAll();

		expect(push.rejected).toEqual([]);
		expect(push.messages(other.id)).toEqual([]);
		const [jaMessage] = push.messages(ja.id);
		const jaPayload = jaMessage.payload as PushPayload;
		expect(jaMessage.topic).toBe(alert.id.replace(/-/g, ''));
		expect(jaPayload).toMatchObject({
			alert_id: alert.id,
			tag: alert.id,
			locale: 'ja',
			level: 4,
			title: '警戒レベル4 避難指示',
			color: '#AA00AA',
			require_interaction: true,
			cancelled: false
		});
		expect(jaPayload.body).toBe(
			'対象：synthetic-一丁目\n多摩川が氾濫するおそれ。\n高いところへ避難してください。'
		);
		const enPayload = push.messages(en.id)[0].payload as PushPayload;
		expect(enPayload.title).toBe('Alert level 4: Evacuation order');
		expect(enPayload.body).toContain('Areas: synthetic-一丁目');
		expect(enPayload.body).toContain('Move to higher ground.');
		expect(await countRows(opened.db, 'deliveries', `status = 'sent'`)).toBe(2);

		await rpc(opened.db, 'hq', 'public.cancel_alert($1)', [alert.id]);
		await drainAll();
		// Same Topic: the push service replaced the undelivered alert with its 解除.
		expect(push.messages(ja.id)).toHaveLength(1);
		expect(push.messages(ja.id)[0].payload).toMatchObject({
			tag: alert.id,
			version: 2,
			cancelled: true,
			title: '解除：警戒レベル4 避難指示',
			require_interaction: false
		});
		expect(push.messages(other.id)).toEqual([]);
	});

	test('a drill says 訓練 in the title and level 3 does not require interaction', async () => {
		const sub = await subscribe(['all'], 'ja', { drills: true });
		await rpc(opened.db, 'hq', 'public.set_drill_mode($1)', [true]);
		await issue(['all'], 3);
		await rpc(opened.db, 'hq', 'public.set_drill_mode($1)', [false]);
		await drainAll();
		expect(push.messages(sub.id)[0].payload).toMatchObject({
			title: '【訓練】警戒レベル3 高齢者等避難',
			drill: true,
			require_interaction: false,
			color: '#FF2800'
		});
	});

	test('404/410 deletes the subscription; 429 honours Retry-After and pauses that push service', async () => {
		const gone = await subscribe(['all'], 'ja');
		const busy = await subscribe(['all'], 'ja');
		push.script((id) =>
			id === gone.id
				? { status: 410 }
				: id === busy.id
					? { status: 429, headers: { 'retry-after': '120' } }
					: null
		);
		const before = Date.now();
		await issue(['all']);
		await worker.drainOnce();
		expect(await countRows(opened.db, 'subscribers', `endpoint = '${gone.endpoint}'`)).toBe(0);
		const retry = await opened.db.asService((tx) =>
			tx.query<{ status: string; wait: number; last_error: string }>(
				`select status, extract(epoch from next_attempt_at)::float8 * 1000 as wait, last_error
				 from notify.deliveries where status <> 'failed'`
			)
		);
		expect(retry.rows).toHaveLength(1);
		expect(retry.rows[0].status).toBe('queued');
		expect(retry.rows[0].wait - before).toBeGreaterThanOrEqual(119_000);
		expect(retry.rows[0].last_error).toBe('push service: 429');
		expect(worker.gate.pausedUntil(push.origin, Date.now())).toBeGreaterThan(Date.now() + 100_000);
		expect(
			await countRows(opened.db, 'deliveries', `status = 'failed' and last_error = 'push service: 410'`)
		).toBe(1);
	});

	test('a 5xx is retried with backoff until the push service accepts', async () => {
		const flaky = await subscribe(['all'], 'en');
		push.script((id, attempt) => (id === flaky.id && attempt === 1 ? { status: 503 } : null));
		const fresh = new DeliveryWorker({
			db: opened.db,
			vapid: { ...webpush.generateVAPIDKeys(), subject: 'mailto:ops@bosai.example.jp' },
			transport: fetchTransport({ loopbackHttp: true }),
			mailer: null,
			origin,
			pushHosts: ['127.0.0.1'],
			policy: { baseMs: 40, maxMs: 40, maxAttempts: 5 }
		});
		await issue(['all']);
		await fresh.drainOnce();
		const row = await opened.db.asService((tx) =>
			tx.query<{ status: string; last_error: string }>('select status, last_error from notify.deliveries')
		);
		expect(row.rows[0]).toMatchObject({ status: 'queued', last_error: 'push service: 503' });
		// The 503 paused the service briefly; after the backoff the retry goes through.
		await new Promise((r) => setTimeout(r, 60));
		await fresh.drainOnce();
		expect(push.messages(flaky.id)).toHaveLength(1);
		expect(await countRows(opened.db, 'deliveries', `status = 'sent'`)).toBe(1);
	});

	test('an endpoint outside the known push services is never posted to', async () => {
		await callFrom(opened.db, null, '203.0.113.250', 'subscribe_push', [
			{ ...push.subscribe(), endpoint: 'https://169.254.169.254/latest', areas: ['all'], locale: 'ja' }
		]);
		const accepted = push.accepted();
		await issue(['all']);
		await drainAll();
		expect(push.accepted()).toBe(accepted);
		expect(await countRows(opened.db, 'deliveries', `last_error = 'push service not allowed'`)).toBe(1);
	});
});

describe('e-mail delivery', () => {
	test('double opt-in: only the confirmation mail before the link is opened, then alerts in the subscriber’s language with one-click unsubscribe', async () => {
		smtp.mails.length = 0;
		await callFrom(opened.db, null, '203.0.113.200', 'subscribe_email', [
			{ email: 'resident@example.com', areas: ['synthetic-一丁目'], locale: 'en', drills: false }
		]);
		await issue(['synthetic-一丁目']);
		await drainAll();
		const [confirmation] = await smtp.waitFor(1);
		await new Promise((r) => setTimeout(r, 200));
		expect(smtp.mails).toHaveLength(1);
		expect(confirmation.subject).toBe('[Komae City] Confirm your alert e-mails');
		expect(confirmation.to).toMatchObject({ text: 'resident@example.com' });
		const token = /\/notify\/confirm#token=([0-9a-f]{64})/.exec(confirmation.text ?? '')?.[1];
		expect(token).toBeDefined();

		await rpc(opened.db, 'anon', 'public.confirm_email($1)', [token]);
		const alert = await issue(['synthetic-一丁目'], 4);
		await drainAll();
		const [, mail] = await smtp.waitFor(2);
		expect(mail.subject).toBe('【狛江市】警戒レベル4 避難指示 / Alert level 4: Evacuation order');
		expect(mail.text).toContain('An evacuation alert from Komae City.');
		expect(mail.text).toContain('Move to higher ground.');
		expect(mail.text).toContain(`${origin}/api/alerts/${alert.id}.cap`);
		expect(mail.html).toContain('<a href="https://bosai.example.jp/notify/manage#token=');
		const raw = (name: string) =>
			mail.headerLines
				.find((h) => h.key === name)
				?.line.replace(/^[^:]+:\s*/, '')
				.replace(/\r?\n\s+/g, '');
		const unsubscribe = String(raw('list-unsubscribe'));
		expect(unsubscribe).toMatch(
			/^<https:\/\/bosai\.example\.jp\/api\/notify\/unsubscribe\?token=[0-9a-f]{64}>$/
		);
		expect(raw('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

		const manageToken = /token=([0-9a-f]{64})/.exec(unsubscribe)![1];
		await rpc(opened.db, 'anon', 'public.delete_subscription($1)', [manageToken]);
		expect(await countRows(opened.db, 'subscribers', `email = 'resident@example.com'`)).toBe(0);
	});

	test('a permanent SMTP 5xx marks the address bounced and nothing more is sent to it', async () => {
		smtp.mails.length = 0;
		smtp.refuse.add('nobody@example.com');
		await callFrom(opened.db, null, '203.0.113.201', 'subscribe_email', [
			{ email: 'nobody@example.com', areas: ['all'], locale: 'ja', drills: false }
		]);
		await drainAll();
		expect(await countRows(opened.db, 'subscribers', 'bounced_at is not null')).toBe(1);
		expect(await countRows(opened.db, 'deliveries', `status = 'failed' and last_error = 'smtp: 550'`)).toBe(
			1
		);
		expect(smtp.mails).toHaveLength(0);
	});
});

describe('privacy upkeep', () => {
	test('an idle worker deletes unconfirmed sign-ups whose 48 h link expired, at most once per purge interval', async () => {
		// Made directly (as the confirmation mail would leave them): this worker has no mailer, and a
		// queued confirmation would keep it busy rather than idle.
		const expiredSignUp = (email: string) =>
			opened.db.asService((tx) =>
				tx.query(
					`insert into notify.subscribers (channel, areas, locale, email, confirm_expires_at)
					values ('email', '{all}', 'ja', $1, now() - interval '1 second')`,
					[email]
				)
			);
		await expiredSignUp('late@example.com');
		let clock = 1_000_000;
		const idle = new DeliveryWorker({
			db: opened.db,
			vapid: { ...webpush.generateVAPIDKeys(), subject: 'mailto:ops@bosai.example.jp' },
			transport: fetchTransport({ loopbackHttp: true }),
			mailer: null,
			origin,
			pollMs: 20,
			purgeEveryMs: 60_000,
			now: () => clock
		});
		idle.start();
		try {
			await expect.poll(() => countRows(opened.db, 'subscribers'), { timeout: 5_000 }).toBe(0);
			// Within the interval a second expired sign-up stays until the clock passes it.
			await expiredSignUp('later@example.com');
			await new Promise((r) => setTimeout(r, 200));
			expect(await countRows(opened.db, 'subscribers')).toBe(1);
			clock += 60_000;
			await expect.poll(() => countRows(opened.db, 'subscribers'), { timeout: 5_000 }).toBe(0);
		} finally {
			await idle.stop();
		}
	});
});
