/**
 * An opening order's row shape and the rule that derives its state (public.open_order_state() in
 * SQL), without zod: imported by the backend adapters on every page (open-order.ts has the schemas).
 */
export const openOrderStates = ['requested', 'acknowledged', 'cancelled'] as const;
export type OpenOrderState = (typeof openOrderStates)[number];

export interface OpenOrder {
	id: number;
	shelter_id: string;
	note: string;
	hazard: string | null;
	issued_by: string | null;
	issued_at: string;
	resent_at: string | null;
	resent_count: number;
	acknowledged_by: string | null;
	acknowledged_at: string | null;
	cancelled_by: string | null;
	cancelled_at: string | null;
	drill: boolean;
	state: OpenOrderState;
	/** Only in the answer of an issue: the shelter already had this requested order. */
	existing?: boolean;
}

/** An order row with its state, by the rule of public.open_order_state() (the supabase adapter
 * reads rows through PostgREST, without the SQL function). */
export function withOrderState(row: Omit<OpenOrder, 'state'>): OpenOrder {
	const state: OpenOrderState = row.cancelled_at
		? 'cancelled'
		: row.acknowledged_at
			? 'acknowledged'
			: 'requested';
	return { ...row, state };
}
