/**
 * Reads of shelter_reports for GET /api/reports; RLS narrows staff to their own shelter. Paged by
 * keyset on (received_at, id), newest first (issue 18, L2: no answer is unbounded): a page of
 * `limit` rows names the cursor of its last row, and `cursor` answers the rows after it. The
 * cursor keeps received_at to the microsecond, so no row is skipped or repeated at a page edge.
 */
import type { Report } from '#lib/domain/report.ts';
import type { Tx } from '../db/types.ts';

/** Rows per page when the caller names no limit, and the most a caller may ask for. */
export const defaultReportPage = 500;
export const maxReportPage = 5000;

const cursorPattern = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)_(\d{1,18})$/;

export interface ReportCursor {
	receivedAt: string;
	id: string;
}

/** A `cursor` query value, or undefined when it is not one (the route answers 400). */
export function parseReportCursor(value: string): ReportCursor | undefined {
	const match = cursorPattern.exec(value);
	return match && !Number.isNaN(Date.parse(match[1])) ? { receivedAt: match[1], id: match[2] } : undefined;
}

export interface ReportPage {
	reports: Report[];
	/** The cursor of the page after this one; null when this page is the last. */
	next: string | null;
}

export async function listReports(
	tx: Tx,
	filter: { since?: string; shelterId?: string; limit: number; cursor?: ReportCursor }
): Promise<ReportPage> {
	const result = await tx.query<Report & { cursor: string }>(
		`select id, client_id, shelter_id, reporter, status, evacuees, crowding, needs, note,
		        evacuees_male, evacuees_female, evacuees_undisclosed, households, needs_care,
		        external_evacuees, reported_at, received_at, drill,
		        to_char(received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '_' || id
		          as cursor
		   from public.shelter_reports
		  where ($1::timestamptz is null or received_at > $1::timestamptz)
		    and ($2::text is null or shelter_id = $2::text)
		    and ($4::timestamptz is null or (received_at, id) < ($4::timestamptz, $5::bigint))
		  order by received_at desc, id desc
		  limit $3`,
		[
			filter.since ?? null,
			filter.shelterId ?? null,
			filter.limit,
			filter.cursor?.receivedAt ?? null,
			filter.cursor?.id ?? null
		]
	);
	// Both drivers hand timestamps back as Date; CSV and JSON want the ISO form.
	const reports = result.rows.map(({ cursor: _cursor, ...row }) => ({
		...row,
		id: Number(row.id),
		reported_at: new Date(row.reported_at).toISOString(),
		received_at: new Date(row.received_at).toISOString()
	}));
	const last = result.rows[result.rows.length - 1];
	return { reports, next: result.rows.length === filter.limit && last ? last.cursor : null };
}
