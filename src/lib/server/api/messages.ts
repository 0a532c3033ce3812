/**
 * Messages HQ → shelter(s). GET answers each message with the caller's own read receipt
 * (`read_at`, staff) and every receipt the caller may see (`reads`, HQ: all shelters).
 */
import { z } from 'zod';
import type { Message } from '#lib/backend/port.ts';
import type { Tx } from '../db/types.ts';

export const messageInputSchema = z.strictObject({
	/** null: every shelter. */
	shelter_id: z.string().min(1).max(64).nullable(),
	body: z.string().trim().min(1).max(2000)
});

export interface MessageWithReads extends Message {
	reads: { shelter_id: string; read_at: string }[];
}

export async function listMessages(
	tx: Tx,
	filter: { since?: string; limit: number }
): Promise<MessageWithReads[]> {
	const result = await tx.query<MessageWithReads>(
		`select m.id, m.shelter_id, m.body, m.sent_by, m.sent_at, m.drill,
		        (select r.read_at from public.message_reads as r
		          where r.message_id = m.id and r.shelter_id = public.my_shelter_id()) as read_at,
		        coalesce((select jsonb_agg(jsonb_build_object('shelter_id', r.shelter_id,
		                                                      'read_at', r.read_at)
		                                   order by r.read_at)
		                    from public.message_reads as r where r.message_id = m.id),
		                 '[]'::jsonb) as reads
		   from public.messages as m
		  where $1::timestamptz is null or m.sent_at > $1::timestamptz
		  order by m.sent_at desc
		  limit $2`,
		[filter.since ?? null, filter.limit]
	);
	return result.rows;
}
