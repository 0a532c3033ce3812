/** SSE framing (server), the incremental parser (client) and the hub's fan-out rules. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SseParser } from '#lib/backend/sse-parser.ts';
import { LiveHub, fanoutShare, type Batch, type Subscriber } from '#lib/server/live/hub.ts';
import { eventFrame, heartbeatFrame, openingFrame } from '#lib/server/live/sse.ts';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('SSE framing and parsing', () => {
	it('a frame parses back to id, event and {topic, payload}, however it is chunked', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 2 ** 40 }),
				fc.string({ minLength: 1, maxLength: 20 }),
				fc.jsonValue(),
				fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 10 }),
				(id, event, payload, cuts) => {
					const text =
						decode(openingFrame(2000)) +
						decode(eventFrame({ id, event, topic: 'shelters', payload })) +
						decode(heartbeatFrame);
					const parser = new SseParser();
					const events = [];
					let at = 0;
					for (const cut of cuts) {
						events.push(...parser.push(text.slice(at, at + cut)));
						at += cut;
					}
					events.push(...parser.push(text.slice(at)));
					expect(events).toHaveLength(1);
					expect(events[0].id).toBe(String(id));
					expect(events[0].event).toBe(event.replace(/[\r\n]/g, ' '));
					expect(JSON.parse(events[0].data)).toEqual({
						topic: 'shelters',
						payload: JSON.parse(JSON.stringify(payload))
					});
					expect(parser.retry).toBe(2000);
				}
			)
		);
	});

	it('handles CRLF, multi-line data, comments and id-only frames', () => {
		const parser = new SseParser();
		const events = parser.push('id: 7\r\n\r\n: comment\r\ndata: a\r\ndata: b\r\n\r\nevent: x\n');
		expect(events).toEqual([{ id: '7', event: 'message', data: 'a\nb' }]);
		expect(parser.lastEventId).toBe('7');
		expect(parser.push('data: c\n\n')).toEqual([{ id: '7', event: 'x', data: 'c' }]);
	});
});

function fakeSubscriber(
	topics: string[],
	options: { capacity?: number; expiresAt?: number | null; busyMs?: number } = {}
) {
	const frames: string[] = [];
	const batches: Batch[] = [];
	const writtenAt: number[] = [];
	let closed = false;
	const subscriber: Subscriber & {
		frames: string[];
		batches: Batch[];
		writtenAt: number[];
		closed: () => boolean;
	} = {
		topics: new Set(topics),
		expiresAt: options.expiresAt ?? null,
		frames,
		batches,
		writtenAt,
		closed: () => closed,
		write(batch) {
			writtenAt.push(performance.now());
			// A write that costs CPU, like thousands of socket writes in one flush.
			const until = performance.now() + (options.busyMs ?? 0);
			while (performance.now() < until);
			if (frames.length >= (options.capacity ?? Infinity)) return false;
			if (batch) batches.push(batch);
			frames.push(batch ? decode(batch.bytes) : ': heartbeat');
			return true;
		},
		close() {
			closed = true;
		}
	};
	return subscriber;
}

const message = (id: number, topic: string) => ({
	id,
	topic,
	event: 'status',
	payload: { id },
	private: false,
	inserted_at: ''
});

const idsOf = (text: string) => [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));

describe('LiveHub', () => {
	it('delivers each message to the subscribers of its topic only, one shared buffer per topic', () => {
		const hub = new LiveHub(0, 60_000);
		const a = fakeSubscriber(['shelters']);
		const b = fakeSubscriber(['shelters', 'hq']);
		const c = fakeSubscriber(['alerts']);
		const d = fakeSubscriber(['shelters']);
		for (const s of [a, b, c, d]) hub.add(s);
		hub.publish(message(1, 'shelters'));
		hub.publish(message(2, 'hq'));
		hub.publish(message(3, 'shelters'));
		hub.flush();
		expect(idsOf(a.frames.join(''))).toEqual([1, 3]);
		expect(idsOf(b.frames.join(''))).toEqual([1, 2, 3]);
		expect(c.frames).toHaveLength(0);
		expect(a.batches[0].bytes).toBe(d.batches[0].bytes);
		expect(b.frames).toHaveLength(1); // one write for the whole burst
		expect(hub.lastId).toBe(3);
		hub.close();
	});

	it('flushes on its own on the next turn of the event loop', async () => {
		const hub = new LiveHub(0, 60_000);
		const a = fakeSubscriber(['alerts']);
		hub.add(a);
		hub.publish(message(5, 'alerts'));
		expect(a.frames).toHaveLength(0);
		await new Promise((r) => setImmediate(r));
		expect(idsOf(a.frames.join(''))).toEqual([5]);
		hub.close();
	});

	it(`under load, fan-out takes at most ${fanoutShare * 100}% of the loop; what arrives meanwhile goes in one write`, async () => {
		const hub = new LiveHub(0, 60_000);
		const busy = fakeSubscriber(['shelters'], { busyMs: 20 });
		hub.add(busy);
		hub.publish(message(1, 'shelters'));
		await new Promise((r) => setImmediate(r));
		expect(idsOf(busy.frames.join(''))).toEqual([1]);
		hub.publish(message(2, 'shelters'));
		hub.publish(message(3, 'shelters'));
		await new Promise((r) => setImmediate(r));
		expect(busy.frames).toHaveLength(1); // still waiting: the last flush took 20 ms
		await new Promise((r) => setTimeout(r, 60));
		expect(busy.frames).toHaveLength(2);
		expect(idsOf(busy.frames[1])).toEqual([2, 3]);
		// libuv's timers run on the loop's cached clock, which may lag performance.now() by a
		// millisecond or two on a busy machine (seen: 1.4 ms in CI).
		expect(busy.writtenAt[1] - busy.writtenAt[0]).toBeGreaterThanOrEqual(20 / fanoutShare - 2);
		hub.close();
	});

	it('drops a subscriber that cannot keep up, and closes everyone on shutdown', () => {
		const hub = new LiveHub(0, 60_000);
		const slow = fakeSubscriber(['shelters'], { capacity: 1 });
		const fine = fakeSubscriber(['shelters']);
		hub.add(slow);
		hub.add(fine);
		hub.publish(message(1, 'shelters'));
		hub.flush();
		hub.publish(message(2, 'shelters'));
		hub.flush();
		expect(slow.closed()).toBe(true);
		expect(hub.size).toBe(1);
		hub.publish(message(3, 'shelters'));
		hub.flush();
		expect(fine.frames).toHaveLength(3);
		hub.close();
		expect(fine.closed()).toBe(true);
		expect(hub.size).toBe(0);
	});

	it('ends streams whose token expired at the next heartbeat', async () => {
		const hub = new LiveHub(0, 20);
		const expired = fakeSubscriber(['hq'], { expiresAt: Date.now() / 1000 - 1 });
		const anon = fakeSubscriber(['shelters']);
		hub.add(expired);
		hub.add(anon);
		await new Promise((r) => setTimeout(r, 60));
		expect(expired.closed()).toBe(true);
		expect(anon.closed()).toBe(false);
		expect(anon.frames.some((f) => f.startsWith(':'))).toBe(true);
		hub.close();
	});
});
