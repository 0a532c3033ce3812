import type { ReportInput } from '../domain/report.ts';
import type { ReportAck } from '../backend/port.ts';

/** A report waiting to be sent. `seq` (auto-increment) is the send order. */
export interface PendingReport {
	seq?: number;
	report: ReportInput;
	queued_at: string;
	/** Failed sends so far; drives the backoff, persisted so a reload does not reset it. */
	attempts: number;
	/** Epoch ms before which the sender does not retry this report (0 = now). */
	next_attempt_at: number;
	last_error: string | null;
}

/** A report the server refused for good (validation, permission): kept visible with the reason. */
export interface RejectedReport {
	report: ReportInput;
	rejected_at: string;
	status: number;
	code: string;
	reason: string;
}

/** A report the server acknowledged (kept for "my recent reports"). */
export interface SentReport {
	report: ReportInput;
	ack: ReportAck;
	synced_at: string;
}

/** A sender's claim on the queue when the Web Locks API is missing. */
export interface Lease {
	owner: string;
	expires_at: number;
}
