/**
 * Opening orders (開設指示, issue 16): HQ orders shelters to open, the site acknowledges. The same
 * rules are in SQL (supabase/migrations/20261205100000_create_open_orders.sql); this file is the
 * shape the API, the port and the screens share, and the pure logic they use.
 */
import { z } from '#lib/zod.ts';
import { hazards } from './vocabulary.ts';
import type { OpenOrder, OpenOrderState } from './open-order-state.ts';

// The row shape and its state rule live apart from the schemas: the supabase adapter needs them
// on every page, and zod must stay out of the resident's first JavaScript.
export * from './open-order-state.ts';

/** Body of POST /api/open-orders: some shelters by id, or every designated one for a hazard. */
export const openOrderInputSchema = z.union([
	z.strictObject({
		shelter_ids: z.array(z.string().min(1).max(64)).min(1).max(1000),
		note: z.string().trim().max(500).optional()
	}),
	z.strictObject({
		hazard: z.enum(hazards),
		note: z.string().trim().max(500).optional()
	})
]);
export type OpenOrderInput = z.infer<typeof openOrderInputSchema>;

/** An acknowledgement as the terminal's outbox keeps it: `client_id` makes it exactly-once. */
export const openOrderAckSchema = z.strictObject({
	client_id: z.uuid(),
	order_id: z.number().int().positive(),
	shelter_id: z.string().min(1).max(64),
	/** When staff pressed 「確認しました」 (terminal clock; for the screen only). */
	confirmed_at: z.iso.datetime({ offset: true })
});
export type OpenOrderAck = z.infer<typeof openOrderAckSchema>;

/** The order state HQ shows per shelter: its newest order that is not cancelled. */
export interface ShelterOrderState {
	id: number;
	state: Exclude<OpenOrderState, 'cancelled'>;
	issued_at: string;
	acknowledged_at: string | null;
}

export function orderStateByShelter(orders: readonly OpenOrder[]): Map<string, ShelterOrderState> {
	const result = new Map<string, ShelterOrderState>();
	const newestFirst = [...orders].sort((a, b) => b.issued_at.localeCompare(a.issued_at) || b.id - a.id);
	for (const order of newestFirst) {
		if (order.state === 'cancelled' || result.has(order.shelter_id)) continue;
		result.set(order.shelter_id, {
			id: order.id,
			state: order.state,
			issued_at: order.issued_at,
			acknowledged_at: order.acknowledged_at
		});
	}
	return result;
}

/** Unacknowledged orders, oldest first (the longest wait on top), with their age in whole minutes. */
export function waitingOrders(
	orders: readonly OpenOrder[],
	now: number
): { order: OpenOrder; minutes: number }[] {
	return orders
		.filter((order) => order.state === 'requested')
		.sort((a, b) => a.issued_at.localeCompare(b.issued_at))
		.map((order) => ({
			order,
			minutes: Math.max(0, Math.floor((now - Date.parse(order.issued_at)) / 60_000))
		}));
}

/**
 * The order a staff terminal must show: the newest requested one of its shelter that this device
 * has not acknowledged yet (its acknowledgement may still sit in the outbox, offline).
 */
export function orderToShow(
	orders: readonly OpenOrder[],
	shelterId: string,
	acknowledgedHere: ReadonlySet<number>
): OpenOrder | null {
	const waiting = orders
		.filter((o) => o.shelter_id === shelterId && o.state === 'requested' && !acknowledgedHere.has(o.id))
		.sort((a, b) => b.issued_at.localeCompare(a.issued_at) || b.id - a.id);
	return waiting[0] ?? null;
}
