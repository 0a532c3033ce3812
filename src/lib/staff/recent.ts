/** "My recent reports": the outbox's queued, rejected and acknowledged reports as one list. */
import type { Report, ReportInput } from '../domain/report.ts';
import type { OutboxSnapshot } from '../outbox/outbox.ts';

export type SyncStatus = 'queued' | 'retrying' | 'synced' | 'rejected';

export interface RecentReport {
	report: ReportInput;
	sync: SyncStatus;
	/** Server time for synced reports, the reason for rejected ones. */
	receivedAt: string | null;
	reason: string | null;
	duplicate: boolean;
}

export function recentReports(snapshot: OutboxSnapshot, shelterId: string, limit = 10): RecentReport[] {
	const rows: RecentReport[] = [
		...snapshot.pending.map((p) => ({
			report: p.report,
			sync: (p.attempts > 0 ? 'retrying' : 'queued') as SyncStatus,
			receivedAt: null,
			reason: null,
			duplicate: false
		})),
		...snapshot.rejected.map((r) => ({
			report: r.report,
			sync: 'rejected' as const,
			receivedAt: null,
			reason: r.reason,
			duplicate: false
		})),
		...snapshot.sent.map((s) => ({
			report: s.report,
			sync: 'synced' as const,
			receivedAt: s.ack.received_at,
			reason: null,
			duplicate: s.ack.duplicate
		}))
	];
	return rows
		.filter((row) => row.report.shelter_id === shelterId)
		.sort((a, b) => b.report.reported_at.localeCompare(a.report.reported_at))
		.slice(0, limit);
}

/** The newest report of this shelter that was not rejected: the base of the one-tap reports. */
export function latestReport(snapshot: OutboxSnapshot, shelterId: string): ReportInput | null {
	const candidates = [...snapshot.pending.map((p) => p.report), ...snapshot.sent.map((s) => s.report)]
		.filter((report) => report.shelter_id === shelterId)
		.sort((a, b) => b.reported_at.localeCompare(a.reported_at));
	return candidates[0] ?? null;
}

/** The input part of a stored report (what a one-tap report repeats). */
export function reportInputOf(report: Report): ReportInput {
	const { client_id, shelter_id, status, evacuees, crowding, needs, note, reported_at } = report;
	return { client_id, shelter_id, status, evacuees, crowding, needs, note, reported_at };
}

/**
 * The base of the one-tap reports: the newest of this device's own (queued or sent) and the
 * server's latest report for the shelter (made on another terminal, or before this one was set up).
 */
export function newestReport(local: ReportInput | null, stored: Report[]): ReportInput | null {
	const fromServer = [...stored].sort((a, b) => b.reported_at.localeCompare(a.reported_at))[0];
	const remote = fromServer ? reportInputOf(fromServer) : null;
	if (!local || !remote) return local ?? remote;
	return Date.parse(remote.reported_at) > Date.parse(local.reported_at) ? remote : local;
}
