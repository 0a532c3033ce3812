/**
 * Calls to the security definer RPCs of supabase/migrations/*_rpc.sql as the caller — the same
 * functions supabase-js calls with `.rpc()` in Supabase mode. RLS and the RPC's own checks decide;
 * their SQLSTATEs become 4xx answers in handleApi.
 */
import type { Claims, Database } from '../db/types.ts';
import { ApiError } from '../http.ts';

/** Each RPC and the SQL type of its single argument. */
const rpcs = {
	submit_report: 'jsonb',
	issue_alert: 'jsonb',
	cancel_alert: 'uuid',
	send_message: 'jsonb',
	mark_message_read: 'uuid',
	set_drill_mode: 'boolean',
	issue_open_orders: 'jsonb',
	cancel_open_order: 'bigint',
	resend_open_order: 'bigint',
	acknowledge_open_order: 'jsonb'
} as const;
export type RpcName = keyof typeof rpcs;

export async function callRpc<T>(
	db: Database,
	claims: Claims | null,
	name: RpcName,
	argument: unknown
): Promise<T> {
	const type = rpcs[name];
	const value = type === 'jsonb' ? JSON.stringify(argument) : argument;
	return db.asUser(claims, async (tx) => {
		const result = await tx.query<{ result: T }>(`select public.${name}($1::${type}) as result`, [value]);
		return result.rows[0].result;
	});
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that must be a uuid; anything else cannot exist, so it is a 404. */
export function uuidParam(value: string | undefined, what: string): string {
	if (!value || !uuidPattern.test(value)) throw new ApiError(404, 'not_found', `Unknown ${what}`);
	return value.toLowerCase();
}

/** A path id that must be a positive bigint (opening orders); anything else cannot exist: 404. */
export function bigintParam(value: string | undefined, what: string): number {
	if (!value || !/^[1-9]\d{0,14}$/.test(value)) throw new ApiError(404, 'not_found', `Unknown ${what}`);
	return Number(value);
}
