import { describe, expect, it } from 'vitest';
import type { OutboxSnapshot } from '#lib/outbox/outbox.ts';
import { latestReport, recentReports } from '#lib/staff/recent.ts';
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
