/** The pure logic of opening orders: per-shelter state for HQ, waiting ages, what a terminal shows, and the attention signal's guards. */
import { describe, expect, it } from 'vitest';
import {
	openOrderInputSchema,
	orderStateByShelter,
	orderToShow,
	waitingOrders,
	withOrderState,
	type OpenOrder
} from '#lib/domain/open-order.ts';
import { beep, signalKey, vibrate } from '#lib/staff/order-signal.ts';

function order(id: number, shelter: string, issuedAt: string, changes: Partial<OpenOrder> = {}): OpenOrder {
	return withOrderState({
		id,
		shelter_id: shelter,
		note: '',
		hazard: null,
		issued_by: null,
		issued_at: issuedAt,
		resent_at: null,
		resent_count: 0,
		acknowledged_by: null,
		acknowledged_at: null,
		cancelled_by: null,
		cancelled_at: null,
		drill: false,
		...changes
	});
}

const t0 = '2026-12-05T10:00:00.000Z';
const t1 = '2026-12-05T10:05:00.000Z';
const t2 = '2026-12-05T10:10:00.000Z';

describe('opening order logic', () => {
	it('derives the state like the SQL function', () => {
		expect(order(1, 's', t0).state).toBe('requested');
		expect(order(1, 's', t0, { acknowledged_at: t1 }).state).toBe('acknowledged');
		expect(order(1, 's', t0, { acknowledged_at: t1, cancelled_at: t2 }).state).toBe('cancelled');
	});

	it('gives each shelter its newest order that is not cancelled', () => {
		const states = orderStateByShelter([
			order(1, 'synthetic-a', t0, { acknowledged_at: t1 }),
			order(2, 'synthetic-a', t2),
			order(3, 'synthetic-b', t1, { cancelled_at: t2 }),
			order(4, 'synthetic-c', t0, { acknowledged_at: t1 })
		]);
		expect(states.get('synthetic-a')).toMatchObject({ id: 2, state: 'requested' });
		expect(states.has('synthetic-b')).toBe(false);
		expect(states.get('synthetic-c')).toMatchObject({ id: 4, state: 'acknowledged' });
	});

	it('lists waiting orders oldest first with whole minutes of age', () => {
		const now = Date.parse(t2) + 30_000;
		const waiting = waitingOrders(
			[
				order(2, 'synthetic-b', t1),
				order(1, 'synthetic-a', t0),
				order(3, 'synthetic-c', t0, { acknowledged_at: t1 })
			],
			now
		);
		expect(waiting.map((w) => [w.order.id, w.minutes])).toEqual([
			[1, 10],
			[2, 5]
		]);
	});

	it('shows a terminal the newest requested order of its shelter not acknowledged on this device', () => {
		const orders = [order(1, 'synthetic-a', t0), order(2, 'synthetic-a', t1), order(3, 'synthetic-b', t2)];
		expect(orderToShow(orders, 'synthetic-a', new Set())?.id).toBe(2);
		expect(orderToShow(orders, 'synthetic-a', new Set([2]))?.id).toBe(1);
		expect(orderToShow(orders, 'synthetic-a', new Set([1, 2]))).toBeNull();
		expect(orderToShow(orders, 'synthetic-c', new Set())).toBeNull();
	});

	it('accepts shelter ids or a hazard, never both, and refuses bad input', () => {
		expect(openOrderInputSchema.safeParse({ shelter_ids: ['x'], note: 'n' }).success).toBe(true);
		expect(openOrderInputSchema.safeParse({ hazard: 'flood' }).success).toBe(true);
		expect(openOrderInputSchema.safeParse({ shelter_ids: ['x'], hazard: 'flood' }).success).toBe(false);
		expect(openOrderInputSchema.safeParse({ shelter_ids: [] }).success).toBe(false);
		expect(openOrderInputSchema.safeParse({ hazard: 'meteor' }).success).toBe(false);
		expect(openOrderInputSchema.safeParse({ shelter_ids: ['x'], note: 'x'.repeat(501) }).success).toBe(false);
	});

	it('signals again for a resend, vibrates only where possible, beeps only after a gesture', () => {
		expect(signalKey({ id: 7, resent_count: 0 })).not.toBe(signalKey({ id: 7, resent_count: 1 }));
		expect(vibrate({})).toBe(false);
		const pattern: number[][] = [];
		expect(vibrate({ vibrate: (p) => (pattern.push(p), true) })).toBe(true);
		expect(pattern).toHaveLength(1);
		let made = 0;
		class FakeAudio {
			constructor() {
				made += 1;
			}
		}
		expect(beep({ userActivation: { hasBeenActive: false } }, { AudioContext: FakeAudio as never })).toBe(
			false
		);
		expect(made).toBe(0);
		expect(beep({}, { AudioContext: FakeAudio as never })).toBe(false);
		expect(beep({ userActivation: { hasBeenActive: true } }, {})).toBe(false);
	});
});

describe('coalesced refetch', () => {
	it('runs once at a time and once more for any calls during a run', async () => {
		const { coalesced } = await import('#lib/hq/coalesce.ts');
		let runs = 0;
		let release: () => void = () => {};
		const run = coalesced(async () => {
			runs += 1;
			await new Promise<void>((resolve) => (release = resolve));
		});
		const first = run();
		void run();
		void run();
		const third = run();
		expect(runs).toBe(1);
		release();
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(runs).toBe(2);
		release();
		await Promise.all([first, third]);
		expect(runs).toBe(2);
	});
});
