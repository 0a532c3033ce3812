/**
 * The portable live transport: plain `node build` (adapter-node without scripts/start.ts), where
 * GET /api/live is Kit's route and its ReadableStream. Everything else in the e2e project runs on
 * `npm start`, whose direct-to-socket path this must match: public and private topics, refusal,
 * and a reconnect with Last-Event-ID that misses nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestAccounts, liveSubscriber, reportFor, signInAll } from '../support/api.ts';
import { startServer, tempDataDir, type RunningServer } from '../support/server.ts';

let server: RunningServer;
let accounts: ReturnType<typeof createTestAccounts>;
let tokens: { hq: string; staffA: string };

beforeAll(async () => {
	const dataDir = tempDataDir('bosai-portable-');
	accounts = createTestAccounts(dataDir);
	server = await startServer({ dataDir, entry: 'adapter' });
	tokens = await signInAll(server.url, accounts);
}, 120_000);

afterAll(async () => {
	await server?.stop();
});

describe('GET /api/live on plain `node build`', () => {
	it('streams through Kit: chunked, not the direct path', async () => {
		const response = await fetch(`${server.url}/api/live?topics=shelters`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
		// The direct path closes the connection after the stream; Kit's keeps it alive.
		expect(response.headers.get('connection')).not.toBe('close');
		await response.body?.cancel();
		expect((await fetch(`${server.url}/api/live?topics=hq`)).status).toBe(403);
	});

	it('delivers `shelters` and `hq`, and a reconnect with Last-Event-ID misses nothing', async () => {
		const shelter = accounts.staffA.shelter_id;
		const publicSub = liveSubscriber(server.url, ['shelters']);
		const hqSub = liveSubscriber(server.url, ['hq'], { token: tokens.hq });
		await Promise.all([publicSub.waitForState('live'), hqSub.waitForState('live')]);
		const first = reportFor(shelter, { crowding: 'crowded' });
		expect(
			(await call(server.url, 'POST', '/api/reports', { token: tokens.staffA, body: first })).status
		).toBe(201);
		const seen = await hqSub.waitFor(
			(e) => (e.payload as { client_id?: string }).client_id === first.client_id
		);
		await publicSub.waitFor((e) => e.event === 'status' && Number(e.id) > 0);
		hqSub.stop();

		const missed = reportFor(shelter, { crowding: 'full' });
		expect(
			(await call(server.url, 'POST', '/api/reports', { token: tokens.staffA, body: missed })).status
		).toBe(201);
		const resumed = liveSubscriber(server.url, ['hq'], { token: tokens.hq, lastEventId: seen.id });
		const replayed = await resumed.waitFor(
			(e) => (e.payload as { client_id?: string }).client_id === missed.client_id
		);
		expect(replayed.event).toBe('report');
		expect(
			resumed.events.filter((e) => (e.payload as { client_id?: string }).client_id === first.client_id)
		).toEqual([]);
		resumed.stop();
		publicSub.stop();
	});
});
