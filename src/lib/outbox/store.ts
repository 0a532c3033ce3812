/** The outbox's IndexedDB operations. Each state change is one transaction, so a crash leaves either the old or the new state. */
import type { ReportAck } from '../backend/port.ts';
import type { ReportInput } from '../domain/report.ts';
import type { OutboxDb } from './db.ts';
import type { PendingReport, RejectedReport, SentReport } from './types.ts';

/** How many acknowledged reports are kept for "my recent reports". */
export const keepSent = 30;

export async function addPending(db: OutboxDb, report: ReportInput, now: number): Promise<number> {
	return db.add('pending', {
		report,
		queued_at: new Date(now).toISOString(),
		attempts: 0,
		next_attempt_at: 0,
		last_error: null
	});
}

/** The oldest pending report: the only one that may be sent next. */
export async function headPending(db: OutboxDb): Promise<PendingReport | undefined> {
	const cursor = await db.transaction('pending').store.openCursor();
	return cursor?.value;
}

export async function allPending(db: OutboxDb): Promise<PendingReport[]> {
	return db.getAll('pending');
}

/** Server acknowledged: remove from the queue, remember it as sent, note the sync time. */
export async function acknowledge(
	db: OutboxDb,
	item: PendingReport,
	ack: ReportAck,
	now: number
): Promise<void> {
	const tx = db.transaction(['pending', 'sent', 'meta'], 'readwrite');
	const syncedAt = new Date(now).toISOString();
	await tx.objectStore('pending').delete(item.seq!);
	await tx.objectStore('sent').put({ report: item.report, ack, synced_at: syncedAt });
	await tx.objectStore('meta').put({ key: 'last_synced_at', value: syncedAt });
	const sent = tx.objectStore('sent');
	const count = await sent.count();
	if (count > keepSent) {
		let cursor = await sent.index('by_time').openCursor();
		for (let extra = count - keepSent; cursor && extra > 0; extra--) {
			await cursor.delete();
			cursor = await cursor.continue();
		}
	}
	await tx.done;
}

/** Server refused for good: move to the rejected list with its reason (never dropped silently). */
export async function reject(
	db: OutboxDb,
	item: PendingReport,
	reason: { status: number; code: string; message: string },
	now: number
): Promise<void> {
	const tx = db.transaction(['pending', 'rejected'], 'readwrite');
	await tx.objectStore('pending').delete(item.seq!);
	await tx.objectStore('rejected').put({
		report: item.report,
		rejected_at: new Date(now).toISOString(),
		status: reason.status,
		code: reason.code,
		reason: reason.message
	});
	await tx.done;
}

/** A transient failure: count it and set when to try again. */
export async function defer(
	db: OutboxDb,
	item: PendingReport,
	nextAttemptAt: number,
	error: string
): Promise<void> {
	const tx = db.transaction('pending', 'readwrite');
	const current = await tx.store.get(item.seq!);
	if (current) {
		await tx.store.put({
			...current,
			attempts: current.attempts + 1,
			next_attempt_at: nextAttemptAt,
			last_error: error
		});
	}
	await tx.done;
}

/** Makes every pending report due now (the retry button, or the line came back). */
export async function makeDue(db: OutboxDb): Promise<void> {
	const tx = db.transaction('pending', 'readwrite');
	for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
		if (cursor.value.next_attempt_at !== 0) {
			await cursor.update({ ...cursor.value, next_attempt_at: 0 });
		}
	}
	await tx.done;
}

export async function listRejected(db: OutboxDb): Promise<RejectedReport[]> {
	return (await db.getAllFromIndex('rejected', 'by_time')).reverse();
}

export async function listSent(db: OutboxDb): Promise<SentReport[]> {
	return (await db.getAllFromIndex('sent', 'by_time')).reverse();
}

export async function lastSyncedAt(db: OutboxDb): Promise<string | null> {
	const record = await db.get('meta', 'last_synced_at');
	return typeof record?.value === 'string' ? record.value : null;
}

/** Staff read a refused report and dismissed it (an explicit act, never automatic). */
export async function dismissRejected(db: OutboxDb, clientId: string): Promise<void> {
	await db.delete('rejected', clientId);
}
