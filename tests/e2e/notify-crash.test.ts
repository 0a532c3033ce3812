/**
 * Exactly once through a crash: the real server (`npm start`) sends an alert to 5,000 synthetic
 * push subscribers; in the middle of the send it is SIGKILLed and restarted on the same data dir.
 * Afterwards every subscriber has exactly one delivery of that alert in the database (sent), and
 * exactly one message at the push service. The push service is a loopback mock (the vendors'
 * services are on the internet) that checks VAPID, decrypts, and — like every RFC 8030 push
 * service — lets a message with the same Topic replace an undelivered one; the few requests in
 * flight at the kill are sent again after restart and replace, which the test counts too.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#lib/server/db/index.ts';
import { addAccount, call, signIn } from '../support/api.ts';
import { type LoopbackPushService, startPushService } from '../support/push-service.ts';
import { type RunningServer, startServer, tempDataDir } from '../support/server.ts';
import { insertSyntheticPushSubscribers } from '../unit/notify-fixtures.ts';

const subscribers = 5000;
let server: RunningServer | undefined;
let push: LoopbackPushService | undefined;
afterAll(async () => {
	await server?.stop();
	await push?.close();
});

const env = { BOSAI_PUSH_LOOPBACK_HTTP: '1', BOSAI_PUSH_HOSTS: '127.0.0.1' };

describe('delivery through a crash', () => {
	it('kill -9 in the middle of a 5,000-subscriber send, restart: each subscriber has exactly one delivery of the alert, in the DB and at the push service', async () => {
		push = await startPushService();
		const dataDir = tempDataDir('bosai-notify-crash-');
		const account = addAccount(dataDir, 'notify-hq', 'hq');
		// Synthetic subscribers straight into the data dir before the server holds it (the API's
		// per-address rate limit would take hours for 5,000 from one test address).
		const setup = await openDatabase({ driver: 'pglite', dataDir });
		await insertSyntheticPushSubscribers(setup, {
			n: subscribers,
			base: `${push.origin}/push`,
			areas: ['all'],
			keys: push.sharedKeys
		});
		await setup.close();

		server = await startServer({ dataDir, env });
		const { access_token: token } = await signIn(server.url, account);
		const issued = await call<{ id: string }>(server.url, 'POST', '/api/alerts', {
			token,
			body: { level: 5, hazard: 'flood', areas: ['all'], text: { ja: '（合成）緊急安全確保' } }
		});
		expect(issued.status).toBe(201);
		const alertId = issued.body.id;

		// Kill once about a fifth of the pushes were accepted.
		const deadline = Date.now() + 120_000;
		while (push.accepted() < subscribers / 5) {
			if (Date.now() > deadline) throw new Error(`only ${push.accepted()} pushes in 120 s`);
			await new Promise((r) => setTimeout(r, 5));
		}
		const exited = new Promise<void>((done) => server!.process.once('exit', () => done()));
		server.process.kill('SIGKILL');
		await exited;
		const atKill = push.accepted();
		expect(atKill).toBeLessThan(subscribers);

		server = await startServer({ dataDir, env });
		const again = await signIn(server.url, account);
		const until = Date.now() + 180_000;
		let sent = 0;
		while (sent < subscribers) {
			if (Date.now() > until) throw new Error(`only ${sent} sent after restart`);
			await new Promise((r) => setTimeout(r, 250));
			const counts = await call<{ alerts: { sent: number }[] }>(
				server.url,
				'GET',
				`/api/notify/counts?alerts=${alertId}`,
				{ token: again.access_token }
			);
			sent = counts.body.alerts[0]?.sent ?? 0;
		}
		await server.stop();
		server = undefined;

		const check = await openDatabase({ driver: 'pglite', dataDir });
		const rows = await check.asService((tx) =>
			tx.query<{ per: number; n: number; status: string }>(
				`select per, count(*)::int as n, status from (
				   select subscriber_id, count(*)::int as per, min(status) as status
				   from notify.deliveries where alert_id = $1 group by subscriber_id) as x
				 group by per, status`,
				[alertId]
			)
		);
		await check.close();
		expect(rows.rows).toEqual([{ per: 1, n: subscribers, status: 'sent' }]);

		const perId = push.acceptedPerId();
		expect(perId.size).toBe(subscribers);
		const stored = [...perId.keys()].map((id) => push!.messages(id).length);
		expect(stored.every((n) => n === 1)).toBe(true);
		const resent = push.accepted() - subscribers;
		console.log(
			`notify crash: ${atKill} accepted at the kill, ${resent} re-sent after restart (replaced by Topic)`
		);
		// Only what was in flight at the kill can be sent twice: at most one claimed batch.
		expect(resent).toBeLessThanOrEqual(200);
		expect(push.rejected).toEqual([]);
	}, 400_000);
});
