/**
 * Reads of public.alerts for GET /api/alerts. Anonymous callers have no grant on the actor
 * columns (issued_by, cancelled_by), so their query names only the public columns.
 */
import type { Alert } from '#lib/domain/alert.ts';
import type { Tx } from '../db/types.ts';

const publicColumns = `id, level, hazard, areas, text, issued_at, expires_at, cancelled_at,
	references_id, drill`;

export async function listAlerts(
	tx: Tx,
	options: { signedIn: boolean; activeOnly: boolean; limit: number }
): Promise<Alert[]> {
	const actor = options.signedIn ? 'issued_by' : 'null::uuid as issued_by';
	const result = await tx.query<Alert>(
		`select ${publicColumns}, ${actor}
		   from public.alerts
		  where not $1::boolean
		     or (cancelled_at is null and (expires_at is null or expires_at > now()))
		  order by issued_at desc
		  limit $2`,
		[options.activeOnly, options.limit]
	);
	return result.rows;
}
