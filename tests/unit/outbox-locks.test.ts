import { describe, expect, it } from 'vitest';
import type { ReportAck } from '#lib/backend/port.ts';
import type { ReportInput } from '#lib/domain/report.ts';
import { openOutboxDb } from '#lib/outbox/db.ts';
import { leaseLock, webLock } from '#lib/outbox/lock.ts';
import { fakeServer, makeOutbox, report, uniqueDbName } from './outbox-fixtures.ts';

/** A slow server that records how many sends overlap in time. */
function overlapServer(delayMs = 5) {
	const server = fakeServer();
	const sends: string[] = [];
	let inFlight = 0;
	let maxInFlight = 0;
	return {
		server,
		sends,
		maxInFlight: () => maxInFlight,
		send: async (r: ReportInput): Promise<ReportAck> => {
			inFlight += 1;
			maxInFlight = Math.max(maxInFlight, inFlight);
			sends.push(r.client_id);
			await new Promise((done) => setTimeout(done, delayMs));
			inFlight -= 1;
			return server.accept(r);
		}
	};
}

describe('outbox: one sender across tabs', () => {
	it('two tabs (two connections, lease lock) never send at the same time and send each report once, in order', async () => {
		const name = uniqueDbName();
		const remote = overlapServer();
		const tabA = await makeOutbox(name, { owner: 'tab-a', send: remote.send });
		const tabB = await makeOutbox(name, { owner: 'tab-b', send: remote.send });
		const reports = Array.from({ length: 8 }, (_, i) => report(i + 1));
		// Both tabs queue into the same database and both try to sync all the time.
		for (const [i, r] of reports.entries()) await (i % 2 ? tabA : tabB).enqueue(r);
		const states = await Promise.all([tabA.sync(), tabB.sync(), tabA.sync(), tabB.sync()]);
		expect(states).toContain('elsewhere');
		// Whoever lost the race polls later; drain what is left.
		await tabA.sync();
		await tabB.sync();
		expect(remote.maxInFlight()).toBe(1);
		expect(remote.server.rows.map((r) => r.client_id)).toEqual(reports.map((r) => r.client_id));
		expect(new Set(remote.sends).size).toBe(remote.sends.length);
		expect((await tabA.snapshot()).pending).toEqual([]);
		tabA.close();
		tabB.close();
	});

	it('a crashed tab’s lease expires and another tab takes over', async () => {
		const db = await openOutboxDb(uniqueDbName());
		let clock = 0;
		const crashed = leaseLock(db, 'crashed', { ttlMs: 1_000, now: () => clock });
		const other = leaseLock(db, 'other', { ttlMs: 1_000, now: () => clock });
		// The crashed tab claimed the lease and never released it.
		let release!: () => void;
		const holding = crashed.run(() => new Promise<void>((done) => (release = done)));
		await new Promise((done) => setTimeout(done, 10));
		expect(await other.run(async () => 'ran')).toEqual({ ran: false });
		clock = 1_001;
		expect(await other.run(async () => 'ran')).toEqual({ ran: true, value: 'ran' });
		release();
		await holding;
		db.close();
	});

	it('the Web Locks variant runs only when the lock is free', async () => {
		// A minimal LockManager with the `ifAvailable` semantics of the Web Locks API.
		const held = new Set<string>();
		const locks = {
			async request<T>(
				name: string,
				_options: { ifAvailable: boolean },
				callback: (lock: unknown) => Promise<T>
			): Promise<T> {
				if (held.has(name)) return callback(null);
				held.add(name);
				try {
					return await callback({ name });
				} finally {
					held.delete(name);
				}
			}
		};
		const lock = webLock(locks);
		let release!: () => void;
		const first = lock.run(() => new Promise<string>((done) => (release = () => done('first'))));
		expect(await lock.run(async () => 'second')).toEqual({ ran: false });
		release();
		expect(await first).toEqual({ ran: true, value: 'first' });
		expect(await lock.run(async () => 'third')).toEqual({ ran: true, value: 'third' });
	});
});
