/**
 * Calls of the notification RPCs as the caller, with the client address in `request.headers`
 * exactly where PostgREST puts it on Supabase, so the SQL rate limit counts per address in both
 * modes. PT429 (the limit) becomes a 429 with Retry-After.
 */
import type { Claims, Database } from '../db/types.ts';
import { isSqlError } from '../api/db-errors.ts';
import { ApiError } from '../http.ts';

export type NotifyRpc =
	| 'subscribe_push'
	| 'subscribe_email'
	| 'confirm_email'
	| 'my_subscription'
	| 'update_subscription'
	| 'delete_subscription'
	| 'hq_subscriber_counts'
	| 'hq_delivery_counts';

const argumentTypes: Record<NotifyRpc, string[]> = {
	subscribe_push: ['jsonb'],
	subscribe_email: ['jsonb'],
	confirm_email: ['text'],
	my_subscription: ['text'],
	update_subscription: ['text', 'jsonb'],
	delete_subscription: ['text'],
	hq_subscriber_counts: [],
	hq_delivery_counts: ['uuid[]']
};

export async function callNotifyRpc<T>(
	db: Database,
	claims: Claims | null,
	address: string,
	name: NotifyRpc,
	args: unknown[] = []
): Promise<T> {
	const types = argumentTypes[name];
	const placeholders = types.map((type, i) => `$${i + 1}::${type}`).join(', ');
	const values = args.map((value, i) => (types[i] === 'jsonb' ? JSON.stringify(value) : value));
	try {
		return await db.asUser(claims, async (tx) => {
			await tx.query(`select set_config('request.headers', $1, true)`, [
				JSON.stringify({ 'x-forwarded-for': address })
			]);
			const result = await tx.query<{ result: T }>(
				`select public.${name}(${placeholders}) as result`,
				values
			);
			return result.rows[0].result;
		});
	} catch (error) {
		if (isSqlError(error) && error.code === 'PT429') {
			throw new ApiError(429, 'rate_limited', 'Too many subscription requests; try again later', {
				'retry-after': '600'
			});
		}
		throw error;
	}
}
