import type { ReportInput } from '../domain/report.ts';
import type { ReportAck } from '../backend/port.ts';

/**
 * What an outbox queues: a report by default, or any item with its own idempotency key (an opening
 * order's acknowledgement, in a second outbox of its own). The field keeps the name `report`, the
 * IndexedDB key path of the stores.
 */
export interface QueueItem {
	client_id: string;
}

/** A report waiting to be sent. `seq` (auto-increment) is the send order. */
export interface PendingReport<T extends QueueItem = ReportInput> {
	seq?: number;
	report: T;
	queued_at: string;
	/** Failed sends so far; drives the backoff, persisted so a reload does not reset it. */
	attempts: number;
	/** Epoch ms before which the sender does not retry this report (0 = now). */
	next_attempt_at: number;
	last_error: string | null;
}

/** A report the server refused for good (validation, permission): kept visible with the reason. */
export interface RejectedReport<T extends QueueItem = ReportInput> {
	report: T;
	rejected_at: string;
	status: number;
	code: string;
	reason: string;
}

/** A report the server acknowledged (kept for "my recent reports"). */
export interface SentReport<T extends QueueItem = ReportInput> {
	report: T;
	ack: ReportAck;
	synced_at: string;
}

/** A sender's claim on the queue when the Web Locks API is missing. */
export interface Lease {
	owner: string;
	expires_at: number;
}
