/**
 * Opening orders (開設指示) as the API lists them: HQ all, staff their own shelter's (RLS on
 * shelter_open_orders decides; anonymous callers never get here).
 */
import { z } from 'zod';
import { openOrderStates, type OpenOrder } from '#lib/domain/open-order.ts';
import type { Tx } from '../db/types.ts';

/** Body of POST /api/open-orders/{id}/ack. */
export const openOrderAckBodySchema = z.strictObject({ client_id: z.uuid() });

export const openOrderStateParam = (value: string) =>
	(openOrderStates as readonly string[]).includes(value) ? (value as OpenOrder['state']) : undefined;

export async function listOpenOrders(
	tx: Tx,
	filter: { state?: OpenOrder['state']; limit: number }
): Promise<OpenOrder[]> {
	const result = await tx.query<{ o: OpenOrder }>(
		`select public.open_order_json(o) as o
		   from public.shelter_open_orders as o
		  where $1::text is null or public.open_order_state(o) = $1::text
		  order by o.issued_at desc, o.id desc
		  limit $2`,
		[filter.state ?? null, filter.limit]
	);
	return result.rows.map((row) => row.o);
}
