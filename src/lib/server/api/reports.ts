/** Reads of shelter_reports for GET /api/reports; RLS narrows staff to their own shelter. */
import type { Report } from '#lib/domain/report.ts';
import type { Tx } from '../db/types.ts';

export async function listReports(
	tx: Tx,
	filter: { since?: string; shelterId?: string; limit: number }
): Promise<Report[]> {
	const result = await tx.query<Report>(
		`select id, client_id, shelter_id, reporter, status, evacuees, crowding, needs, note,
		        reported_at, received_at, drill
		   from public.shelter_reports
		  where ($1::timestamptz is null or received_at > $1::timestamptz)
		    and ($2::text is null or shelter_id = $2::text)
		  order by received_at desc, id desc
		  limit $3`,
		[filter.since ?? null, filter.shelterId ?? null, filter.limit]
	);
	return result.rows.map((row) => ({ ...row, id: Number(row.id) }));
}
