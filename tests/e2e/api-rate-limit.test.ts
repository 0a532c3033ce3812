/**
 * Issue 18, L2, over HTTP on a server of its own (a fresh staff account, so the shared e2e
 * accounts keep their budget): one staff account stores at most 30 reports a minute; the next is
 * 429 with Retry-After and the JSON error shape, writes nothing, and the outbox's replay of a
 * stored report (same client_id) is still answered 200.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '#lib/domain/report.ts';
import { addAccount, call, pickShelters, reportFor, signIn } from '../support/api.ts';
import { startServer, tempDataDir, type RunningServer } from '../support/server.ts';

let server: RunningServer | undefined;
afterAll(async () => {
	await server?.stop();
});

describe('report rate per account', () => {
	it('the 31st report of a staff account within a minute → 429 with Retry-After; replays still answer', async () => {
		const dataDir = tempDataDir('bosai-rate-');
		const [shelterId] = pickShelters(dataDir);
		const account = addAccount(dataDir, 'rate-staff', 'staff', shelterId);
		server = await startServer({ dataDir });
		const { access_token: token } = await signIn(server.url, account);
		const sent = Array.from({ length: 30 }, () => reportFor(shelterId));
		for (const report of sent) {
			const r = await call(server.url, 'POST', '/api/reports', { token, body: report });
			expect(r.status).toBe(201);
		}
		const refused = await call(server.url, 'POST', '/api/reports', { token, body: reportFor(shelterId) });
		expect(refused.status).toBe(429);
		expect(refused.body).toEqual({ error: { code: 'rate_limited', message: expect.stringContaining('30') } });
		const retryAfter = Number(refused.headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThanOrEqual(1);
		expect(retryAfter).toBeLessThanOrEqual(60);

		const replay = await call<{ duplicate: boolean }>(server.url, 'POST', '/api/reports', {
			token,
			body: sent[0]
		});
		expect(replay.status).toBe(200);
		expect(replay.body.duplicate).toBe(true);
		const stored = await call<Report[]>(server.url, 'GET', '/api/reports?limit=100', { token });
		expect(stored.body).toHaveLength(30);
	}, 120_000);
});
