/**
 * HQ-only endpoints: one transaction as the caller that first asks the database whether the caller
 * is HQ (public.is_hq(), the `staff` table is the authority). Anonymous and staff callers get 403
 * (issue 8: "a staff or anonymous user gets 403 on every HQ endpoint").
 */
import type { Claims, Database, Tx } from '../db/types.ts';
import { ApiError } from '../http.ts';

export async function asHq<T>(db: Database, claims: Claims | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
	return db.asUser(claims, async (tx) => {
		const result = await tx.query<{ hq: boolean }>('select public.is_hq() as hq');
		if (!result.rows[0]?.hq) throw new ApiError(403, 'forbidden', 'Only HQ may do this');
		return fn(tx);
	});
}

/**
 * The HQ check alone, in a transaction of its own: routes with a body run it before reading the
 * body (a refused caller learns nothing about validation), then read the body with no
 * transaction open, then write in a second one (issue 18 M5).
 */
export async function requireHq(db: Database, claims: Claims | null): Promise<void> {
	await asHq(db, claims, async () => undefined);
}
