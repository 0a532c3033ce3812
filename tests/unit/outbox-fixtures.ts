/** Shared pieces of the outbox unit tests (a synthetic shelter id; fake-indexeddb databases). */
import 'fake-indexeddb/auto';
import type { ReportAck } from '#lib/backend/port.ts';
import type { ReportInput } from '#lib/domain/report.ts';
import { openOutboxDb } from '#lib/outbox/db.ts';
import { leaseLock } from '#lib/outbox/lock.ts';
import { Outbox, type OutboxOptions } from '#lib/outbox/outbox.ts';

let counter = 0;

export function report(evacuees: number, overrides: Partial<ReportInput> = {}): ReportInput {
	return {
		client_id: crypto.randomUUID(),
		shelter_id: 'synthetic-shelter-1',
		status: 'open',
		evacuees,
		crowding: 'vacant',
		needs: ['water'],
		note: '',
		reported_at: new Date(Date.UTC(2026, 10, 25, 12, 0, evacuees % 60)).toISOString(),
		...overrides
	};
}

export function uniqueDbName(): string {
	counter += 1;
	return `outbox-test-${process.pid}-${counter}-${crypto.randomUUID()}`;
}

/** A server double that stores by client_id like POST /api/reports does (idempotent). */
export function fakeServer() {
	const rows: ReportInput[] = [];
	const byClient = new Map<string, ReportAck>();
	return {
		rows,
		accept(input: ReportInput): ReportAck {
			const known = byClient.get(input.client_id);
			if (known) return { ...known, duplicate: true };
			rows.push(input);
			const ack = {
				id: rows.length,
				client_id: input.client_id,
				received_at: new Date().toISOString(),
				duplicate: false
			};
			byClient.set(input.client_id, ack);
			return ack;
		}
	};
}

/** Timers are captured, not run: the test decides when "later" is. */
export function capturedTimers() {
	const timers: { fn: () => void; ms: number; cancelled: boolean }[] = [];
	return {
		timers,
		schedule: (fn: () => void, ms: number) => {
			const timer = { fn, ms, cancelled: false };
			timers.push(timer);
			return () => {
				timer.cancelled = true;
			};
		},
		active: () => timers.filter((timer) => !timer.cancelled)
	};
}

export async function makeOutbox(
	name: string,
	options: Partial<OutboxOptions> & { owner?: string } = {}
): Promise<Outbox> {
	const db = options.db ?? (await openOutboxDb(name));
	return new Outbox({
		db,
		lock: options.lock ?? leaseLock(db, options.owner ?? crypto.randomUUID()),
		schedule: capturedTimers().schedule,
		onClose: () => db.close(),
		...options
	});
}
