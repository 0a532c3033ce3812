/**
 * Issue 18 (Hardening), L3 — no cap on concurrent live streams — and the client's side of the
 * caps and of H2's `resync`: a real Node HTTP server on loopback with the direct live path
 * (node-stream.ts), the Kit route's code path (subscribe.ts), a real PGlite with the real
 * migrations, and the real client reader (live-reader.ts) over fetch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLive } from '#lib/backend/live-reader.ts';
import { isResync, type LiveEvent, type LiveState } from '#lib/backend/port.ts';
import type { Runtime } from '#lib/server/api/runtime.ts';
import { liveHubOptionsFromEnv } from '#lib/server/live/limits-env.ts';
import { maxAnonymousReplay } from '#lib/server/live/public-replay.ts';
import { subscribe } from '#lib/server/live/subscribe.ts';
import { startLiveServer, type LiveServer } from './live-fixtures.ts';

let live: LiveServer;
let rt: Runtime;
let base: string;

beforeAll(async () => {
	live = await startLiveServer({ limits: { total: 3, perAddress: 2, retryAfter: 1 } });
	({ rt, base } = live);
}, 60_000);

afterAll(async () => {
	await live?.close();
});

const waitFor = async (ok: () => boolean, ms = 5_000) => {
	const deadline = Date.now() + ms;
	while (!ok()) {
		if (Date.now() > deadline) throw new Error('timed out');
		await new Promise((r) => setTimeout(r, 10));
	}
};

/** An open stream whose first bytes arrived; `close` ends it from the client side. */
async function openStream(): Promise<{ status: number; close: () => void }> {
	const controller = new AbortController();
	const response = await fetch(`${base}/api/live?topics=shelters`, { signal: controller.signal });
	if (response.status === 200) await response.body!.getReader().read();
	return {
		status: response.status,
		close() {
			controller.abort();
		}
	};
}

describe('L3: concurrent live streams are capped', () => {
	it('refuses a stream past the per-address cap with 429, a JSON error and Retry-After, and gives the place back when a stream ends', async () => {
		const a = await openStream();
		const b = await openStream();
		expect([a.status, b.status]).toEqual([200, 200]);
		const refused = await fetch(`${base}/api/live?topics=shelters`);
		expect(refused.status).toBe(429);
		expect(refused.headers.get('retry-after')).toBe('1');
		expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
		expect((await refused.json()).error.code).toBe('too_many_streams');
		expect(rt.hub.admission.total).toBe(2);

		a.close();
		await waitFor(() => rt.hub.admission.total === 1);
		const c = await openStream();
		expect(c.status).toBe(200);
		b.close();
		c.close();
		await waitFor(() => rt.hub.admission.total === 0);
	});

	it('refuses a stream past the total cap with 503 and Retry-After (Kit route path), and a refused or unauthorized one holds no place', async () => {
		const open = await Promise.all(
			['192.0.2.1', '192.0.2.2', '192.0.2.3'].map((ip) => subscribe(rt, null, ['shelters'], null, ip))
		);
		expect(open.map((r) => r.status)).toEqual([200, 200, 200]);
		const full = await subscribe(rt, null, ['shelters'], null, '192.0.2.4').catch((e: unknown) => e);
		expect(full).toMatchObject({ status: 503, code: 'server_busy', headers: { 'retry-after': '1' } });
		for (const response of open) await response.body!.cancel();
		expect(rt.hub.admission.total).toBe(0);
		const forbidden = await subscribe(rt, null, ['hq'], null, '192.0.2.5').catch((e: unknown) => e);
		expect(forbidden).toMatchObject({ status: 403 });
		expect(rt.hub.admission.total).toBe(0);
	});

	it('reads the caps from the environment and refuses a value that is not a positive integer', () => {
		const options = liveHubOptionsFromEnv({
			BOSAI_LIVE_MAX_STREAMS: '100',
			BOSAI_LIVE_MAX_STREAMS_PER_ADDRESS: '5',
			BOSAI_LIVE_RETRY_AFTER: '30',
			BOSAI_LIVE_REPLAY_RING: '2000'
		});
		expect(options).toEqual({ ringCapacity: 2000, limits: { total: 100, perAddress: 5, retryAfter: 30 } });
		expect(() => liveHubOptionsFromEnv({ BOSAI_LIVE_MAX_STREAMS: '0' })).toThrow(/positive integer/);
		expect(() => liveHubOptionsFromEnv({ BOSAI_LIVE_MAX_STREAMS_PER_ADDRESS: 'lots' })).toThrow();
	});
});

describe('the live reader under the caps and after a resync', () => {
	it('waits for Retry-After before it tries again after a 429', async () => {
		const a = await openStream();
		const b = await openStream();
		const states: LiveState[] = [];
		const started = Date.now();
		let liveAt = 0;
		const stop = readLive({
			url: `${base}/api/live`,
			topics: ['shelters'],
			minDelayMs: 20,
			maxDelayMs: 40,
			onEvent: () => {},
			onState: (state) => {
				states.push(state);
				if (state === 'live') liveAt = Date.now();
			}
		});
		await new Promise((r) => setTimeout(r, 100));
		a.close();
		await waitFor(() => liveAt > 0);
		// Without Retry-After (1 s) the 20–40 ms backoff would have connected right after a closed.
		expect(liveAt - started).toBeGreaterThanOrEqual(900);
		expect(states).toEqual(['connecting', 'reconnecting', 'live']);
		stop();
		b.close();
		await waitFor(() => rt.hub.admission.total === 0);
	});

	it('hands a too-deep anonymous resume to the subscriber as one `resync` (topic null), then goes on live', async () => {
		await rt.db.asService((tx) =>
			tx.query(`select realtime.send(jsonb_build_object('n', n), 'status', 'shelters', false)
				from generate_series(1, ${maxAnonymousReplay + 50}) as n`)
		);
		const events: LiveEvent[] = [];
		const stop = readLive({
			url: `${base}/api/live`,
			topics: ['shelters'],
			lastEventId: '1',
			onEvent: (event) => events.push(event)
		});
		await waitFor(() => events.some(isResync));
		await rt.db.asService((tx) =>
			tx.query(`select realtime.send('{"n":0}'::jsonb, 'status', 'shelters', false)`)
		);
		await waitFor(() => events.some((e) => e.event === 'status'));
		expect(events.filter(isResync)).toHaveLength(1);
		expect(events[0]).toMatchObject({ event: 'resync', topic: null, id: String(rt.hub.lastId - 1) });
		expect(events.filter((e) => e.event === 'status')).toHaveLength(1);
		stop();
	});
});
