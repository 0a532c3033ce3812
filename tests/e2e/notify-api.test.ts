/**
 * The notification HTTP API on the real server (`npm start`), with a real SMTP server on loopback
 * (smtp-server) and a loopback push service (the vendors' push services are the one thing
 * mocked): e-mail double opt-in, the alert mail, RFC 8058 one-click unsubscribe as a mail
 * provider sends it (a form POST without our Origin), manage by token only, HQ counts only, and
 * the per-address rate limit's 429.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addAccount, call, pickShelters, signIn } from '../support/api.ts';
import { type LoopbackPushService, startPushService } from '../support/push-service.ts';
import { type RunningServer, freePort, startServer, tempDataDir } from '../support/server.ts';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.ts';

let server: RunningServer;
let smtp: SmtpSink;
let push: LoopbackPushService;
let hqToken: string;
let staffToken: string;

beforeAll(async () => {
	smtp = await startSmtpSink();
	push = await startPushService();
	const dataDir = tempDataDir('bosai-notify-api-');
	const hq = addAccount(dataDir, 'notify-api-hq', 'hq');
	const staff = addAccount(dataDir, 'notify-api-staff', 'staff', pickShelters(dataDir)[0]);
	const port = await freePort();
	server = await startServer({
		dataDir,
		port,
		env: {
			BOSAI_SMTP_URL: smtp.url,
			BOSAI_MAIL_FROM: '狛江市 <alerts@bosai.example.jp>',
			BOSAI_PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
			BOSAI_PUSH_LOOPBACK_HTTP: '1',
			BOSAI_PUSH_HOSTS: '127.0.0.1'
		}
	});
	hqToken = (await signIn(server.url, hq)).access_token;
	staffToken = (await signIn(server.url, staff)).access_token;
}, 120_000);
afterAll(async () => {
	await server?.stop();
	await smtp?.close();
	await push?.close();
});

const issue = () =>
	call<{ id: string }>(server.url, 'POST', '/api/alerts', {
		token: hqToken,
		body: {
			level: 4,
			hazard: 'flood',
			areas: ['和泉本町一丁目'],
			text: { ja: '（合成）避難指示', ko: '(합성) 대피 지시' }
		}
	});

const counts = (ids: string[] = [], token = hqToken) =>
	call<{ mail_configured: boolean; areas: { area: string; push: number; email: number }[] }>(
		server.url,
		'GET',
		`/api/notify/counts?alerts=${ids.join(',')}`,
		{ token }
	);

describe('notification API', () => {
	test('the subscribe form gets the VAPID public key and learns that e-mail is offered', async () => {
		const { status, body } = await call<{ vapid_public_key: string; mail: boolean }>(
			server.url,
			'GET',
			'/api/notify'
		);
		expect(status).toBe(200);
		expect(Buffer.from(body.vapid_public_key, 'base64url')).toHaveLength(65);
		expect(body.mail).toBe(true);
	});

	test('e-mail: nothing before the confirmation link, then the alert in Korean; one-click unsubscribe deletes the subscription', async () => {
		const subscribed = await call(server.url, 'POST', '/api/notify/email', {
			body: { email: 'resident@example.com', areas: ['和泉本町一丁目'], locale: 'ko', drills: false }
		});
		expect(subscribed).toMatchObject({ status: 202, body: { status: 'pending' } });
		const [confirmation] = await smtp.waitFor(1);
		await issue();
		await new Promise((r) => setTimeout(r, 2000));
		expect(smtp.mails).toHaveLength(1);
		expect(confirmation.subject).toBe('[고마에시] 메일 수신 등록 확인');
		const confirmToken = /#token=([0-9a-f]{64})/.exec(confirmation.text ?? '')![1];

		expect(
			(await call(server.url, 'POST', '/api/notify/confirm', { body: { token: '0'.repeat(64) } })).status
		).toBe(404);
		const confirmed = await call(server.url, 'POST', '/api/notify/confirm', {
			body: { token: confirmToken }
		});
		expect(confirmed).toMatchObject({ status: 200, body: { confirmed: true, email_hint: 'r…@example.com' } });
		expect(JSON.stringify(confirmed.body)).not.toContain('resident@');
		expect((await counts()).body.areas).toContainEqual({ area: '和泉本町一丁目', push: 0, email: 1 });

		const alert = await issue();
		const [, mail] = await smtp.waitFor(2);
		expect(mail.subject).toBe('【狛江市】警戒レベル4 避難指示 / 경계 레벨 4 대피 지시');
		expect(mail.text).toContain('(합성) 대피 지시');
		expect(mail.text).toContain(`${server.url}/api/alerts/${alert.body.id}.cap`);
		const listUnsubscribe = mail.headerLines.find((h) => h.key === 'list-unsubscribe')!.line;
		const link = /<([^>]+)>/.exec(listUnsubscribe)![1];
		const manageToken = new URL(link).searchParams.get('token')!;
		const seen = await call(server.url, 'GET', '/api/notify/subscription', {
			headers: { 'x-bosai-manage-token': manageToken }
		});
		expect(seen).toMatchObject({ status: 200, body: { channel: 'email', locale: 'ko' } });

		// As a mail provider does it (RFC 8058): a form POST from elsewhere, no Origin of ours.
		const oneClick = await fetch(link, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'List-Unsubscribe=One-Click'
		});
		expect(oneClick.status).toBe(200);
		const after = await call(server.url, 'GET', '/api/notify/subscription', {
			headers: { 'x-bosai-manage-token': manageToken }
		});
		expect(after.status).toBe(404);
		expect((await counts()).body.areas.find((a) => a.area === '和泉本町一丁目')?.email ?? 0).toBe(0);
	}, 60_000);

	test('a push subscription is seen and changed with its token only; HQ gets counts, staff and anon nothing', async () => {
		const sub = push.subscribe();
		const made = await call<{ manage_token: string }>(server.url, 'POST', '/api/notify/push', {
			body: { endpoint: sub.endpoint, keys: sub.keys, areas: ['和泉本町一丁目'], locale: 'en', drills: false }
		});
		expect(made.status).toBe(201);
		const header = { 'x-bosai-manage-token': made.body.manage_token };
		const changed = await call(server.url, 'PATCH', '/api/notify/subscription', {
			headers: header,
			body: { areas: ['all'], locale: 'zh-Hans', drills: true }
		});
		expect(changed).toMatchObject({ status: 200, body: { areas: ['all'], locale: 'zh-Hans', drills: true } });
		for (const token of [hqToken, staffToken, undefined]) {
			const other = await call(server.url, 'GET', '/api/notify/subscription', { token });
			expect(other.status).toBe(404);
		}
		const hqView = await counts();
		expect(hqView.status).toBe(200);
		expect(JSON.stringify(hqView.body)).not.toContain('127.0.0.1');
		expect(hqView.body.areas).toContainEqual({ area: 'all', push: 1, email: 0 });
		expect((await counts([], staffToken)).status).toBe(403);
		expect((await call(server.url, 'GET', '/api/notify/counts')).status).toBe(401);

		const bad = await call<{ error: { code: string } }>(server.url, 'POST', '/api/notify/push', {
			body: { endpoint: 'http://127.0.0.1/push/x', keys: sub.keys, areas: ['all'], locale: 'en' }
		});
		expect(bad).toMatchObject({ status: 400, body: { error: { code: 'invalid_value' } } });
		// JSON content type, as the manage page sends it (Kit refuses body-less cross-site DELETEs).
		const deleted = await call(server.url, 'DELETE', '/api/notify/subscription', {
			headers: header,
			body: {}
		});
		expect(deleted.status).toBe(200);
	});

	test('the 31st subscription from one address in 10 minutes is a 429 with Retry-After and writes nothing', async () => {
		// This address already made 2 successful calls above (one e-mail, one push).
		let lastOk = 0;
		for (let i = 0; i < 28; i++) {
			const sub = push.subscribe();
			const made = await call(server.url, 'POST', '/api/notify/push', {
				body: { endpoint: sub.endpoint, keys: sub.keys, areas: ['和泉本町二丁目'], locale: 'ja' }
			});
			expect(made.status).toBe(201);
			lastOk = i + 1;
		}
		const sub = push.subscribe();
		const refused = await call<{ error: { code: string } }>(server.url, 'POST', '/api/notify/push', {
			body: { endpoint: sub.endpoint, keys: sub.keys, areas: ['和泉本町二丁目'], locale: 'ja' }
		});
		expect(refused.status).toBe(429);
		expect(refused.body.error.code).toBe('rate_limited');
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
		expect((await counts()).body.areas).toContainEqual({ area: '和泉本町二丁目', push: lastOk, email: 0 });
	});
});
