import { describe, expect, it } from 'vitest';
import type { OutboxSnapshot } from '#lib/outbox/outbox.ts';
import { latestReport, newestReport, recentReports } from '#lib/staff/recent.ts';
import { report } from './outbox-fixtures.ts';

function at(minute: number, shelter = 'synthetic-shelter-1') {
	return report(minute, {
		shelter_id: shelter,
		reported_at: new Date(Date.UTC(2026, 10, 25, 12, minute)).toISOString()
	});
}

describe('recent reports of the staff screen', () => {
	const snapshot: OutboxSnapshot = {
		pending: [
			{ seq: 3, report: at(30), queued_at: '', attempts: 2, next_attempt_at: 0, last_error: 'offline' },
			{ seq: 4, report: at(40), queued_at: '', attempts: 0, next_attempt_at: 0, last_error: null }
		],
		rejected: [
			{ report: at(20), rejected_at: '', status: 403, code: 'forbidden', reason: 'not your shelter' }
		],
		sent: [
			{ report: at(10), ack: { id: 1, client_id: '', received_at: 'r', duplicate: true }, synced_at: '' },
			{
				report: at(50, 'synthetic-shelter-2'),
				ack: { id: 2, client_id: '', received_at: 'r', duplicate: false },
				synced_at: ''
			}
		],
		lastSyncedAt: null,
		state: 'waiting',
		nextAttemptAt: null,
		lastError: null
	};

	it('merges queued, retrying, refused and sent reports of this shelter, newest first', () => {
		const rows = recentReports(snapshot, 'synthetic-shelter-1');
		expect(rows.map((r) => [r.report.evacuees, r.sync])).toEqual([
			[40, 'queued'],
			[30, 'retrying'],
			[20, 'rejected'],
			[10, 'synced']
		]);
		expect(rows[2]?.reason).toBe('not your shelter');
		expect(rows[3]?.duplicate).toBe(true);
	});

	it('the base of one-tap reports is the newest report not refused', () => {
		expect(latestReport(snapshot, 'synthetic-shelter-1')?.evacuees).toBe(40);
		expect(latestReport({ ...snapshot, pending: [] }, 'synthetic-shelter-1')?.evacuees).toBe(10);
		expect(latestReport(snapshot, 'synthetic-shelter-3')).toBeNull();
	});
});

describe('newestReport', () => {
	it('prefers whichever of the device’s and the server’s latest report is newer, as plain input', () => {
		const local = at(10);
		const stored = [
			{ ...at(5), id: 1, reporter: 'u', received_at: 'x', drill: false },
			{ ...at(20), id: 2, reporter: 'u', received_at: 'x', drill: false }
		];
		expect(newestReport(local, stored)).toEqual(at20Input(stored[1]!));
		expect(newestReport(at(30), stored)?.evacuees).toBe(30);
		expect(newestReport(null, [])).toBeNull();
		expect(newestReport(local, [])).toBe(local);
		// No server-only fields: the strict report schema must accept a repeat of it.
		expect(Object.keys(newestReport(null, stored)!).sort()).toEqual(
			['client_id', 'crowding', 'evacuees', 'needs', 'note', 'reported_at', 'shelter_id', 'status'].sort()
		);
	});
});

function at20Input(report: { id: number; reporter: string | null; received_at: string; drill: boolean }) {
	const { id: _id, reporter: _reporter, received_at: _received, drill: _drill, ...input } = report;
	return input;
}
