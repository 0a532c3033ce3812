/**
 * RealtimeFanout.deliverNotified: a NOTIFY payload that carries the whole next row is delivered
 * without a read; anything else (an id-only payload, a gap, garbage) is left to the table read.
 */
import { describe, expect, it } from 'vitest';
import { RealtimeFanout } from '#lib/server/db/session.ts';
import type { RealtimeMessage } from '#lib/server/db/types.ts';

const row = (id: number) =>
	JSON.stringify({
		id,
		topic: 'shelters',
		event: 'status',
		payload: { n: id },
		private: false,
		inserted_at: '2026-12-06T00:40:00.123456+09:00'
	});

describe('RealtimeFanout.deliverNotified', () => {
	it('delivers the next id from the payload, in the same form as a read row', () => {
		const fanout = new RealtimeFanout();
		fanout.lastId = 41;
		const got: RealtimeMessage[] = [];
		fanout.add((message) => got.push(message));
		expect(fanout.deliverNotified(row(42))).toBe(true);
		expect(fanout.deliverNotified(row(43))).toBe(true);
		expect(got).toEqual([
			{
				id: 42,
				topic: 'shelters',
				event: 'status',
				payload: { n: 42 },
				private: false,
				inserted_at: '2026-12-05T15:40:00.123Z'
			},
			expect.objectContaining({ id: 43 })
		]);
		expect(fanout.lastId).toBe(43);
	});

	it('leaves a gap, an id-only payload, an old id and garbage to the table read', () => {
		const fanout = new RealtimeFanout();
		fanout.lastId = 10;
		const got: RealtimeMessage[] = [];
		fanout.add((message) => got.push(message));
		expect(fanout.deliverNotified(row(12))).toBe(false);
		expect(fanout.deliverNotified('11')).toBe(false);
		expect(fanout.deliverNotified(row(10))).toBe(false);
		expect(fanout.deliverNotified('{not json')).toBe(false);
		expect(got).toEqual([]);
		expect(fanout.lastId).toBe(10);
	});
});
