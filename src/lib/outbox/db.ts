import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Lease, PendingReport, RejectedReport, SentReport } from './types.ts';

export interface OutboxSchema extends DBSchema {
	pending: { key: number; value: PendingReport };
	rejected: { key: string; value: RejectedReport; indexes: { by_time: string } };
	sent: { key: string; value: SentReport; indexes: { by_time: string } };
	meta: { key: string; value: { key: string; value: string | Lease } };
}

export type OutboxDb = IDBPDatabase<OutboxSchema>;

export const defaultOutboxName = 'bosai-outbox';

/** Opens (and on first use creates) the outbox database. One per device, shared by its tabs. */
export function openOutboxDb(name = defaultOutboxName): Promise<OutboxDb> {
	return openDB<OutboxSchema>(name, 1, {
		upgrade(db) {
			db.createObjectStore('pending', { keyPath: 'seq', autoIncrement: true });
			const rejected = db.createObjectStore('rejected', { keyPath: 'report.client_id' });
			rejected.createIndex('by_time', 'rejected_at');
			const sent = db.createObjectStore('sent', { keyPath: 'report.client_id' });
			sent.createIndex('by_time', 'synced_at');
			db.createObjectStore('meta', { keyPath: 'key' });
		}
	});
}
