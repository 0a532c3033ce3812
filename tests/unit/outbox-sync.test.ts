import { describe, expect, it } from 'vitest';
import { BackendError, type ReportAck } from '#lib/backend/port.ts';
import type { ReportInput } from '#lib/domain/report.ts';
import { capturedTimers, fakeServer, makeOutbox, report, uniqueDbName } from './outbox-fixtures.ts';

describe('outbox: order and acknowledgement', () => {
	it('sends queued reports strictly in order and empties the queue only on acknowledgement', async () => {
		const outbox = await makeOutbox(uniqueDbName());
		const server = fakeServer();
		const reports = [report(1), report(2), report(3)];
		for (const r of reports) await outbox.enqueue(r); // signed out: nothing is sent yet
		expect((await outbox.snapshot()).pending.map((p) => p.report.evacuees)).toEqual([1, 2, 3]);
		expect(outbox.state).toBe('signed_out');

		outbox.setSender(async (r) => server.accept(r));
		expect(await outbox.sync()).toBe('idle');
		expect(server.rows.map((r) => r.client_id)).toEqual(reports.map((r) => r.client_id));
		const snapshot = await outbox.snapshot();
		expect(snapshot.pending).toEqual([]);
		expect(snapshot.sent.map((s) => s.report.evacuees).sort()).toEqual([1, 2, 3]);
		expect(snapshot.lastSyncedAt).not.toBeNull();
		outbox.close();
	});

	it('treats a duplicate acknowledgement as success: a lost response is resent once, stored once', async () => {
		const server = fakeServer();
		let loseNextResponse = true;
		const timers = capturedTimers();
		const outbox = await makeOutbox(uniqueDbName(), {
			schedule: timers.schedule,
			send: async (r) => {
				const ack = server.accept(r); // the server commits …
				if (loseNextResponse) {
					loseNextResponse = false;
					throw new TypeError('Failed to fetch'); // … but the answer never arrives
				}
				return ack;
			}
		});
		const first = report(10);
		await outbox.enqueue(first);
		expect(await outbox.sync()).toBe('waiting');
		expect((await outbox.snapshot()).pending).toHaveLength(1);
		expect(await outbox.sync({ force: true })).toBe('idle');
		const snapshot = await outbox.snapshot();
		expect(snapshot.pending).toEqual([]);
		expect(snapshot.sent[0]?.ack.duplicate).toBe(true);
		expect(server.rows).toHaveLength(1);
		outbox.close();
	});

	it('does not accept an acknowledgement for another report', async () => {
		const outbox = await makeOutbox(uniqueDbName(), {
			send: async (r): Promise<ReportAck> => ({
				id: 1,
				client_id: crypto.randomUUID(),
				received_at: r.reported_at,
				duplicate: false
			})
		});
		await outbox.enqueue(report(1));
		expect(await outbox.sync()).toBe('waiting');
		expect((await outbox.snapshot()).pending).toHaveLength(1);
		outbox.close();
	});

	it('refuses to queue an invalid report and stores nothing', async () => {
		const outbox = await makeOutbox(uniqueDbName());
		await expect(outbox.enqueue(report(1, { note: 'x'.repeat(501) }))).rejects.toThrow();
		await expect(outbox.enqueue(report(-1))).rejects.toThrow();
		expect((await outbox.snapshot()).pending).toEqual([]);
		outbox.close();
	});

	it('keeps the queue across a reload (a new database connection)', async () => {
		const name = uniqueDbName();
		const before = await makeOutbox(name);
		await before.enqueue(report(1));
		await before.enqueue(report(2));
		before.close();
		const server = fakeServer();
		const after = await makeOutbox(name, { send: async (r) => server.accept(r) });
		expect((await after.snapshot()).pending).toHaveLength(2);
		await after.sync();
		expect(server.rows.map((r) => r.evacuees)).toEqual([1, 2]);
		after.close();
	});
});

describe('outbox: failures', () => {
	it('retries network errors and 5xx with growing, jittered backoff and never skips ahead', async () => {
		const timers = capturedTimers();
		let clock = 1_000_000;
		const sent: ReportInput[] = [];
		const failures: unknown[] = [
			new TypeError('Failed to fetch'),
			new BackendError(503, 'unavailable', 'restarting'),
			new BackendError(500, 'internal', 'oops')
		];
		const outbox = await makeOutbox(uniqueDbName(), {
			now: () => clock,
			schedule: timers.schedule,
			backoff: { baseMs: 1_000, capMs: 3_000, random: () => 0.5 },
			send: async (r) => {
				const failure = failures.shift();
				if (failure) throw failure;
				sent.push(r);
				return { id: sent.length, client_id: r.client_id, received_at: '', duplicate: false };
			}
		});
		await outbox.enqueue(report(1));
		await outbox.enqueue(report(2));
		await outbox.sync();
		// attempt 1: ceiling 1 s → 0.5 s + 0.5 × 0.5 s
		expect(timers.active().map((t) => t.ms)).toEqual([750]);
		let snapshot = await outbox.snapshot();
		expect(snapshot.state).toBe('waiting');
		expect(snapshot.pending[0]).toMatchObject({ attempts: 1, next_attempt_at: clock + 750 });
		expect(snapshot.lastError).toContain('Failed to fetch');

		// Not due yet: nothing is sent, the second report does not overtake the first.
		clock += 700;
		expect(await outbox.sync()).toBe('waiting');
		expect(sent).toEqual([]);

		clock += 50;
		await outbox.sync();
		expect(timers.active().at(-1)?.ms).toBe(1_500); // attempt 2: ceiling 2 s
		clock += 1_500;
		await outbox.sync();
		expect(timers.active().at(-1)?.ms).toBe(2_250); // attempt 3: ceiling capped at 3 s
		snapshot = await outbox.snapshot();
		expect(snapshot.pending[0]?.attempts).toBe(3);
		expect(sent).toEqual([]);

		clock += 2_250;
		timers.active().at(-1)!.fn(); // the scheduled retry fires
		await expect.poll(async () => (await outbox.snapshot()).pending.length).toBe(0);
		expect(sent.map((r) => r.evacuees)).toEqual([1, 2]);
		expect(outbox.state).toBe('idle');
		outbox.close();
	});

	it('moves a report the server rejects (4xx) to the rejected list with the reason, and sends the rest', async () => {
		const server = fakeServer();
		const outbox = await makeOutbox(uniqueDbName(), {
			send: async (r) => {
				if (r.evacuees === 2) throw new BackendError(400, 'invalid_body', 'evacuees: too many');
				return server.accept(r);
			}
		});
		const bad = report(2);
		await outbox.enqueue(report(1));
		await outbox.enqueue(bad);
		await outbox.enqueue(report(3));
		expect(await outbox.sync()).toBe('idle');
		const snapshot = await outbox.snapshot();
		expect(snapshot.pending).toEqual([]);
		expect(snapshot.rejected).toHaveLength(1);
		expect(snapshot.rejected[0]).toMatchObject({
			report: { client_id: bad.client_id },
			status: 400,
			code: 'invalid_body',
			reason: 'evacuees: too many'
		});
		expect(server.rows.map((r) => r.evacuees)).toEqual([1, 3]);
		// Only an explicit dismissal removes it.
		await outbox.dismissRejected(bad.client_id);
		expect((await outbox.snapshot()).rejected).toEqual([]);
		outbox.close();
	});

	it('a 401 keeps the whole queue, stops sending, and resumes after signing in again', async () => {
		const server = fakeServer();
		let calls = 0;
		const expired = async (): Promise<ReportAck> => {
			calls += 1;
			throw new BackendError(401, 'unauthorized', 'token expired');
		};
		const outbox = await makeOutbox(uniqueDbName(), { send: expired });
		for (const n of [1, 2, 3]) await outbox.enqueue(report(n));
		await outbox.sync();
		expect(outbox.state).toBe('auth_required');
		expect(calls).toBeGreaterThanOrEqual(1);
		const callsAfter401 = calls;
		await outbox.enqueue(report(4));
		await outbox.sync({ force: true });
		expect(calls).toBe(callsAfter401); // no hammering with an expired token
		const snapshot = await outbox.snapshot();
		expect(snapshot.pending.map((p) => p.report.evacuees)).toEqual([1, 2, 3, 4]);
		expect(snapshot.rejected).toEqual([]);
		expect(snapshot.pending.every((p) => p.attempts === 0)).toBe(true);

		outbox.setSender(async (r) => server.accept(r));
		await expect.poll(async () => (await outbox.snapshot()).pending.length).toBe(0);
		expect(server.rows.map((r) => r.evacuees)).toEqual([1, 2, 3, 4]);
		outbox.close();
	});

	it('a send that never answers times out and is retried; the late success is not stored twice', async () => {
		const server = fakeServer();
		let hang = true;
		const outbox = await makeOutbox(uniqueDbName(), {
			sendTimeoutMs: 50,
			schedule: (fn, ms) => {
				const timer = setTimeout(fn, ms);
				return () => clearTimeout(timer);
			},
			send: async (r) => {
				const ack = server.accept(r);
				if (hang) {
					hang = false;
					return new Promise<ReportAck>(() => {}); // stored, but the answer never comes
				}
				return ack;
			}
		});
		await outbox.enqueue(report(1));
		expect(await outbox.sync()).toBe('waiting');
		expect((await outbox.snapshot()).pending[0]?.last_error).toContain('no answer');
		expect(await outbox.sync({ force: true })).toBe('idle');
		const snapshot = await outbox.snapshot();
		expect(snapshot.sent[0]?.ack.duplicate).toBe(true);
		expect(server.rows).toHaveLength(1);
		outbox.close();
	});

	it('a storage failure during a run becomes a later retry, not an unhandled rejection', async () => {
		const timers = capturedTimers();
		const outbox = await makeOutbox(uniqueDbName(), {
			schedule: timers.schedule,
			send: async () => {
				throw new TypeError('offline');
			},
			lock: {
				run: async () => {
					throw new DOMException('The database connection is closing.', 'InvalidStateError');
				}
			}
		});
		await outbox.enqueue(report(1));
		expect(await outbox.sync()).toBe('waiting');
		expect((await outbox.snapshot()).lastError).toContain('closing');
		expect(timers.active()).toHaveLength(1);
		outbox.close();
		expect(timers.active()).toHaveLength(0);
	});

	it('signing out keeps the queue', async () => {
		const outbox = await makeOutbox(uniqueDbName(), {
			send: async () => {
				throw new TypeError('offline');
			}
		});
		await outbox.enqueue(report(1));
		await outbox.sync();
		outbox.setSender(null);
		expect(outbox.state).toBe('signed_out');
		expect((await outbox.snapshot()).pending).toHaveLength(1);
		outbox.close();
	});
});
