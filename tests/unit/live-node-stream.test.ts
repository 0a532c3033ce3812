/**
 * The direct-to-socket transport of GET /api/live (`npm start`), on a real Node HTTP server over
 * loopback with a real PGlite and the real migrations: our own HTTP/1.1 chunk framing must read
 * back as a valid stream in Node's HTTP client (fetch), end cleanly, and behave like the Kit
 * route for errors; every other request must still reach the listener that was there (Kit).
 */
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SseParser, type SseEvent } from '#lib/backend/sse-parser.ts';
import type { Runtime } from '#lib/server/api/runtime.ts';
import { LiveHub } from '#lib/server/live/hub.ts';
import { maxBufferedBytes, routeLiveToSockets } from '#lib/server/live/node-stream.ts';
import { startLiveServer, type LiveServer } from './live-fixtures.ts';

let live: LiveServer;
let rt: Runtime;
let base: string;

beforeAll(async () => {
	live = await startLiveServer();
	({ rt, base } = live);
}, 60_000);

afterAll(async () => {
	await live?.close();
});

const send = (n: number, payload: unknown = { n }) =>
	rt.db.asService((tx) =>
		tx.query(`select realtime.send($1::jsonb, 'status', 'shelters', false)`, [JSON.stringify(payload)])
	);

/** Reads events until `until` says stop; resolves with them, the parser and whether the body ended. */
async function readEvents(response: Response, until: (events: SseEvent[], parser: SseParser) => boolean) {
	const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
	const parser = new SseParser();
	const events: SseEvent[] = [];
	for (;;) {
		const { done, value } = await reader.read();
		if (done) return { events, parser, ended: true };
		events.push(...parser.push(value));
		if (until(events, parser)) {
			await reader.cancel();
			return { events, parser, ended: false };
		}
	}
}

describe('GET /api/live straight to the socket', () => {
	it('streams every batch as valid HTTP/1.1 chunks, in order, with the live headers', async () => {
		const response = await fetch(`${base}/api/live?topics=shelters`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
		expect(response.headers.get('transfer-encoding')).toBe('chunked');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		const reading = readEvents(
			response,
			(events) => events.filter((e) => e.event === 'status').length === 60
		);
		// Bursts (several messages per flush) and single messages, with one large payload.
		for (let n = 1; n <= 60; n++) await send(n, n === 30 ? { n, text: 'x'.repeat(100_000) } : { n });
		const { events } = await reading;
		const ns = events
			.filter((e) => e.event === 'status')
			.map((e) => (JSON.parse(e.data) as { payload: { n: number } }).payload.n);
		expect(ns).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
	});

	it('ends with a proper last chunk when the server closes the stream', async () => {
		const response = await fetch(`${base}/api/live?topics=alerts`);
		const reading = readEvents(response, () => false);
		await new Promise((r) => setTimeout(r, 50));
		expect(rt.hub.size).toBeGreaterThan(0);
		// As on shutdown: the hub ends every stream. A fresh hub serves the tests that follow.
		rt.hub.close();
		const next = new LiveHub(rt.hub.lastId, 60_000);
		rt.db.onRealtime((message) => next.publish(message));
		rt.hub = next;
		const { ended } = await reading; // a malformed body would reject here instead
		expect(ended).toBe(true);
	});

	it('resumes after Last-Event-ID with what was missed', async () => {
		const first = await fetch(`${base}/api/live?topics=shelters`);
		// A fresh stream says where it starts with an id-only frame.
		const { parser } = await readEvents(first, (_, p) => p.lastEventId !== null);
		const resumeAt = Number(parser.lastEventId);
		await send(101);
		await send(102);
		const again = await fetch(`${base}/api/live?topics=shelters`, {
			headers: { 'last-event-id': String(resumeAt) }
		});
		const replayed = await readEvents(again, (list) => list.filter((e) => e.event === 'status').length === 2);
		expect(
			replayed.events
				.filter((e) => e.event === 'status')
				.map((e) => (JSON.parse(e.data) as { payload: { n: number } }).payload.n)
		).toEqual([101, 102]);
	});

	it('refuses like the Kit route: 403 for anonymous `hq`, 401 for a forged token, 400 for no topic', async () => {
		const hq = await fetch(`${base}/api/live?topics=hq`);
		expect(hq.status).toBe(403);
		expect(((await hq.json()) as { error: { code: string } }).error.code).toBe('forbidden');
		expect(hq.headers.get('x-frame-options')).toBe('DENY');
		const forged = await fetch(`${base}/api/live?topics=shelters`, {
			headers: { authorization: 'Bearer aaa.bbb.ccc' }
		});
		expect(forged.status).toBe(401);
		expect(forged.headers.get('www-authenticate')).toContain('invalid_token');
		expect((await fetch(`${base}/api/live`)).status).toBe(400);
	});

	it('is not thrown by a Host header that is no host name', async () => {
		const socket = connect(Number(new URL(base).port), '127.0.0.1');
		socket.write('GET /api/live?topics=shelters HTTP/1.1\r\nHost: a b/%\r\n\r\n');
		const head = await new Promise<string>((r) =>
			socket.once('data', (b: Buffer) => r(b.toString('latin1')))
		);
		expect(head.startsWith('HTTP/1.1 200 ')).toBe(true);
		socket.destroy();
	});

	it('leaves every other request to the listener that was there', async () => {
		expect(await (await fetch(`${base}/api/shelters`)).text()).toBe('downstream');
		expect(await (await fetch(`${base}/api/live/x?topics=shelters`)).text()).toBe('downstream');
		const post = await fetch(`${base}/api/live?topics=shelters`, { method: 'POST' });
		expect(await post.text()).toBe('downstream');
	});

	it('stays out of the way under IDLE_TIMEOUT, whose request count must see every stream', () => {
		const other = createServer((_req, res) => res.end('kit'));
		const [kit] = other.listeners('request');
		expect(routeLiveToSockets(other, async () => rt, { IDLE_TIMEOUT: '60' })).toBe(false);
		expect(other.listeners('request')).toEqual([kit]);
		expect(routeLiveToSockets(other, async () => rt, {})).toBe(true);
		expect(other.listeners('request')).not.toContain(kit);
	});

	it(`cuts a client that stops reading once more than ${maxBufferedBytes / 1024} KiB wait for it`, async () => {
		const before = rt.hub.size;
		const socket = connect(Number(new URL(base).port), '127.0.0.1');
		socket.write('GET /api/live?topics=shelters HTTP/1.1\r\nHost: x\r\n\r\n');
		await new Promise((r) => socket.once('data', r));
		socket.pause(); // never reads again: the kernel buffers fill, then ours
		const closed = new Promise((r) => socket.once('close', r));
		expect(rt.hub.size).toBe(before + 1);
		// Loopback buffers may hold tens of MB (net.ipv4.tcp_rmem) before ours starts to grow.
		const big = 'y'.repeat(1_000_000);
		for (let n = 0; n < 150 && rt.hub.size > before; n++) {
			await send(n, { n, big });
			// In-memory PGlite answers on microtasks alone: let the hub's flush (a macrotask) run.
			await new Promise((r) => setTimeout(r, 1));
		}
		expect(rt.hub.size).toBe(before);
		socket.destroy();
		await closed;
	});
});
