/** Pure delivery scheduling: backoff with jitter, Retry-After, outcome of answers, allowed hosts. */
import { describe, expect, test } from 'vitest';
import {
	ServiceGate,
	backoffMs,
	classifyPush,
	classifySmtp,
	pushHostAllowed,
	retryAfterMs,
	runPool
} from '#lib/notify/schedule.ts';
import { concernedAreas, firstLines, pushPayload } from '#lib/notify/payload.ts';

const policy = { baseMs: 1000, maxMs: 8000, maxAttempts: 4 };

describe('delivery scheduling', () => {
	test('backoff doubles per attempt up to the cap, and jitter keeps it between half and all of it', () => {
		expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, policy, () => 1))).toEqual([1000, 2000, 4000, 8000, 8000]);
		expect([1, 2, 3].map((n) => backoffMs(n, policy, () => 0))).toEqual([500, 1000, 2000]);
	});

	test('Retry-After is read as seconds or as an HTTP date', () => {
		const now = Date.parse('2026-12-02T00:00:00Z');
		expect(retryAfterMs('120', now)).toBe(120_000);
		expect(retryAfterMs('Wed, 02 Dec 2026 00:01:00 GMT', now)).toBe(60_000);
		expect(retryAfterMs('soon', now)).toBeNull();
		expect(retryAfterMs(null, now)).toBeNull();
	});

	test('push answers: 2xx sent, 404/410 gone, 429 waits Retry-After and pauses, 5xx backs off, 413 fails, the last attempt gives up', () => {
		const now = 1_000_000;
		expect(classifyPush(201, null, 1, now, policy)).toEqual({ outcome: 'sent' });
		expect(classifyPush(410, null, 1, now, policy)).toMatchObject({ outcome: 'gone' });
		expect(classifyPush(404, null, 1, now, policy)).toMatchObject({ outcome: 'gone' });
		expect(classifyPush(429, '30', 1, now, policy)).toMatchObject({
			outcome: 'retry',
			retryAt: now + 30_000,
			pauseServiceUntil: now + 30_000
		});
		expect(classifyPush(503, null, 2, now, policy, () => 1)).toMatchObject({
			outcome: 'retry',
			retryAt: now + 2000
		});
		expect(classifyPush(0, null, 1, now, policy, () => 1)).toMatchObject({
			outcome: 'retry',
			retryAt: now + 1000
		});
		expect(classifyPush(0, null, 1, now, policy, () => 1)).not.toHaveProperty('pauseServiceUntil');
		expect(classifyPush(413, null, 1, now, policy)).toMatchObject({ outcome: 'failed' });
		expect(classifyPush(500, null, 4, now, policy)).toMatchObject({ outcome: 'failed' });
	});

	test('SMTP 5xx bounces the address; 4xx and connection errors retry', () => {
		expect(classifySmtp({ responseCode: 550 }, 1, 0, policy)).toMatchObject({ outcome: 'bounced' });
		expect(classifySmtp({ responseCode: 451 }, 1, 0, policy)).toMatchObject({ outcome: 'retry' });
		expect(classifySmtp({ code: 'ECONNREFUSED' }, 1, 0, policy)).toMatchObject({ outcome: 'retry' });
	});

	test('a paused push service stays paused until its time, then is free', () => {
		const gate = new ServiceGate();
		gate.pause('https://fcm.googleapis.com', 5000);
		gate.pause('https://fcm.googleapis.com', 3000);
		expect(gate.pausedUntil('https://fcm.googleapis.com', 1000)).toBe(5000);
		expect(gate.pausedUntil('https://updates.push.services.mozilla.com', 1000)).toBeNull();
		expect(gate.pausedUntil('https://fcm.googleapis.com', 5000)).toBeNull();
	});

	test('only the browsers’ push services (and configured extra hosts) are posted to', () => {
		expect(pushHostAllowed('https://fcm.googleapis.com/fcm/send/abc')).toBe(true);
		expect(pushHostAllowed('https://web.push.apple.com/QG')).toBe(true);
		expect(pushHostAllowed('https://wns2-par02p.notify.windows.com/w/?token=x')).toBe(true);
		expect(pushHostAllowed('https://evil.example/fcm.googleapis.com')).toBe(false);
		expect(pushHostAllowed('http://fcm.googleapis.com/x')).toBe(false);
		expect(pushHostAllowed('https://127.0.0.1:9/push/x')).toBe(false);
		expect(pushHostAllowed('https://127.0.0.1:9/push/x', ['127.0.0.1'])).toBe(true);
	});

	test('the pool never runs more than its limit at once and runs every item', async () => {
		let running = 0;
		let peak = 0;
		const done: number[] = [];
		await runPool([...Array(50).keys()], 7, async (n) => {
			running++;
			peak = Math.max(peak, running);
			await new Promise((r) => setTimeout(r, 1));
			running--;
			done.push(n);
		});
		expect(peak).toBe(7);
		expect(done.sort((a, b) => a - b)).toEqual([...Array(50).keys()]);
	});
});

describe('push payload', () => {
	const alert = {
		id: '11111111-2222-4333-8444-555555555555',
		level: 5 as const,
		hazard: 'flood',
		areas: ['東野川一丁目', '東野川二丁目', '和泉本町一丁目'],
		text: { ja: '一行目\n\n二行目\n三行目\n四行目' },
		issued_at: '2026-12-02T00:00:00Z',
		expires_at: null,
		cancelled_at: null,
		references_id: null,
		drill: false
	};

	test('shows only the subscriber’s areas, the first three lines, the level colour, and falls back to Japanese text', () => {
		const payload = pushPayload(alert, { locale: 'en', subscriberAreas: ['東野川二丁目'], version: 1 });
		expect(payload.title).toBe('Alert level 5: Emergency — secure your safety');
		expect(payload.body).toBe('Areas: 東野川二丁目\n一行目\n二行目\n三行目');
		expect(payload).toMatchObject({
			color: '#0C000C',
			require_interaction: true,
			icon: '/notify/level-5.png'
		});
		expect(Buffer.byteLength(JSON.stringify(payload))).toBeLessThan(3000);
	});

	test('a long text and many areas still fit one push message', () => {
		const big = {
			...alert,
			areas: Array.from({ length: 200 }, (_, i) => `synthetic-町丁目-${i}`.padEnd(100, 'x')),
			text: { ja: 'あ'.repeat(2000), en: 'a'.repeat(2000) }
		};
		const payload = pushPayload(big, { locale: 'en', subscriberAreas: ['all'], version: 1 });
		expect(Buffer.byteLength(JSON.stringify(payload))).toBeLessThan(3900);
		expect(firstLines('x'.repeat(500)).length).toBe(240);
		expect(concernedAreas(['all'], ['A'])).toEqual(['all']);
	});
});
