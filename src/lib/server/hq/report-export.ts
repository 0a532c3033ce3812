/**
 * GET /api/export/reports.csv as a stream (issue 18, L2): every report, newest first, read page
 * by page (keyset, one short transaction each), so neither the server nor the database holds
 * the whole history at once. The first page is read before the response starts, so a caller
 * who is not HQ still gets a plain 403 JSON error.
 */
import { reportsCsvHeader, reportsCsvLines } from '#lib/csv/export.ts';
import type { Claims, Database } from '../db/types.ts';
import { listReports, parseReportCursor, type ReportPage } from '../api/reports.ts';
import { asHq } from './guard.ts';
import { hqShelters } from './data.ts';

/** Rows per page of the export. */
export const exportPage = 1000;

export async function reportsCsvStream(
	db: Database,
	claims: Claims | null,
	pageSize = exportPage
): Promise<ReadableStream<Uint8Array>> {
	const readPage = (cursor: string | null) =>
		asHq(db, claims, (tx) =>
			listReports(tx, { limit: pageSize, cursor: cursor ? parseReportCursor(cursor) : undefined })
		);
	const { names, first } = await asHq(db, claims, async (tx) => ({
		names: new Map((await hqShelters(tx)).map((s) => [s.id, s.name])),
		first: await listReports(tx, { limit: pageSize })
	}));
	const encoder = new TextEncoder();
	let page: ReportPage | null = first;
	return new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(encoder.encode(reportsCsvHeader()));
		},
		async pull(controller) {
			if (!page) {
				controller.close();
				return;
			}
			controller.enqueue(encoder.encode(reportsCsvLines(page.reports, names)));
			page = page.next ? await readPage(page.next) : null;
		}
	});
}
