/** The failed-login limiter and the data-dir lock (one process per PGlite data dir). */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataDirBusyError, lockDataDir, lockFileName } from '#lib/server/api/data-dir-lock.ts';
import { FailureLimiter } from '#lib/server/auth/rate-limit.ts';
import { SignInGuard, type Ticket } from '#lib/server/auth/sign-in-guard.ts';
import { Tarpit } from '#lib/server/auth/tarpit.ts';

describe('FailureLimiter', () => {
	it('blocks a key after `limit` failures until the oldest leaves the window', () => {
		const limiter = new FailureLimiter({ limit: 3, windowMs: 60_000 });
		const t0 = 1_000_000;
		for (let i = 0; i < 3; i++) {
			expect(limiter.retryAfter('u:a', t0 + i)).toBe(0);
			limiter.fail('u:a', t0 + i);
		}
		expect(limiter.retryAfter('u:a', t0 + 10)).toBe(60);
		expect(limiter.retryAfter('u:b', t0 + 10)).toBe(0);
		expect(limiter.retryAfter('u:a', t0 + 60_001)).toBe(0);
	});

	it('reset clears a key; the key table stays bounded', () => {
		const limiter = new FailureLimiter({ limit: 1, windowMs: 60_000, maxKeys: 10 });
		limiter.fail('k');
		expect(limiter.retryAfter('k')).toBeGreaterThan(0);
		limiter.reset('k');
		expect(limiter.retryAfter('k')).toBe(0);
		for (let i = 0; i < 100; i++) limiter.fail(`spray-${i}`);
		expect(limiter.retryAfter('spray-0')).toBe(0); // evicted, oldest first
		expect(limiter.retryAfter('spray-99')).toBeGreaterThan(0);
	});
});

describe('SignInGuard', () => {
	const limits = { pair: 3, address: 7, username: 5 };
	const policy = {
		pair: { limit: limits.pair, windowMs: 60_000 },
		address: { limit: limits.address, windowMs: 60_000 },
		username: { limit: limits.username, windowMs: 60_000 }
	};

	it('guesses in flight and failed ones never exceed any limit, whatever the interleaving (issue 18, M1)', () => {
		// Model: every attempt admitted and not given back ('unchecked') counts on its three keys.
		const command = fc.oneof(
			fc.record({ kind: fc.constant('admit' as const), user: fc.nat(2), address: fc.nat(2) }),
			fc.record({
				kind: fc.constant('settle' as const),
				pick: fc.nat(),
				outcome: fc.constantFrom('wrong' as const, 'unchecked' as const)
			})
		);
		fc.assert(
			fc.property(fc.array(command, { maxLength: 120 }), (commands) => {
				const guard = new SignInGuard(policy);
				const open: { ticket: Ticket; keys: string[] }[] = [];
				const counts = new Map<string, number>();
				const bump = (keys: string[], by: number) =>
					keys.forEach((k) => counts.set(k, (counts.get(k) ?? 0) + by));
				const at = 1_000_000;
				for (const c of commands) {
					if (c.kind === 'admit') {
						const keys = [`p:${c.user}/${c.address}`, `a:${c.address}`, `u:${c.user}`];
						const room =
							(counts.get(keys[0]) ?? 0) < limits.pair &&
							(counts.get(keys[1]) ?? 0) < limits.address &&
							(counts.get(keys[2]) ?? 0) < limits.username;
						const admission = guard.admit(`user-${c.user}`, `192.0.2.${c.address}`, at);
						expect(admission.ok).toBe(room);
						if (admission.ok) {
							open.push({ ticket: admission.ticket, keys });
							bump(keys, 1);
						}
					} else if (open.length) {
						const [attempt] = open.splice(c.pick % open.length, 1);
						attempt.ticket.settle(c.outcome);
						if (c.outcome === 'unchecked') bump(attempt.keys, -1);
					}
					for (const [key, n] of counts) {
						const limit = key.startsWith('p:')
							? limits.pair
							: key.startsWith('a:')
								? limits.address
								: limits.username;
						expect(n).toBeLessThanOrEqual(limit);
					}
				}
			}),
			{ numRuns: 300 }
		);
	});

	it("a stranger's failures never lock the account out of an address it signed in from (issue 18, M2)", () => {
		const guard = new SignInGuard(policy);
		const t = 1_000_000;
		const first = guard.admit('hq', '203.0.113.1', t);
		if (!first.ok) throw new Error('first attempt refused');
		first.ticket.settle('right');
		for (let i = 0; i < limits.username; i++) {
			const attempt = guard.admit('hq', `198.51.100.${i}`, t);
			if (!attempt.ok) throw new Error('stranger refused too early');
			attempt.ticket.settle('wrong');
		}
		expect(guard.admit('hq', '198.51.100.200', t)).toMatchObject({ ok: false, retryAfter: 60 });
		expect(guard.admit('hq', '203.0.113.1', t)).toMatchObject({ ok: true });
		// Known for 30 days, not for ever.
		const later = t + 31 * 86_400_000;
		for (let i = 0; i < limits.username; i++) {
			const attempt = guard.admit('hq', `198.51.100.${i}`, later);
			if (attempt.ok) attempt.ticket.settle('wrong');
		}
		expect(guard.admit('hq', '203.0.113.1', later)).toMatchObject({ ok: false });
	});
});

describe('Tarpit', () => {
	it('holds a refusal for 0.5–1.5 × its delay, and answers at once past its bound of held refusals', async () => {
		const tarpit = new Tarpit(200, 2);
		const started = performance.now();
		const held = [tarpit.hold(), tarpit.hold()];
		await tarpit.hold(); // the third: over the bound, not held
		expect(performance.now() - started).toBeLessThan(50);
		await Promise.all(held);
		const took = performance.now() - started;
		expect(took).toBeGreaterThanOrEqual(95);
		expect(took).toBeLessThan(1000);
	});
});

describe('data-dir lock', () => {
	it('refuses while another live process holds the dir, takes over a stale lock', () => {
		const dir = mkdtempSync(join(tmpdir(), 'bosai-lock-'));
		// pid 1 always exists: a live holder.
		writeFileSync(join(dir, lockFileName), JSON.stringify({ pid: 1, holder: 'the bosai-map server' }));
		expect(() => lockDataDir(dir, 'test')).toThrow(DataDirBusyError);
		// A pid far above pid_max cannot be alive: a stale lock from a killed process.
		writeFileSync(join(dir, lockFileName), JSON.stringify({ pid: 99_999_999, holder: 'x' }));
		const release = lockDataDir(dir, 'test');
		expect(existsSync(join(dir, lockFileName))).toBe(true);
		release();
		expect(existsSync(join(dir, lockFileName))).toBe(false);
	});

	// While a ready server holds it, the CLI hands its command to the server (tests/e2e/accounts-live);
	// a holder that never said it is ready (no handler yet: SIGUSR2 would kill it) is never signalled.
	it('the users CLI refuses clearly while a server that is not ready holds the data dir, touching nothing', () => {
		const dir = mkdtempSync(join(tmpdir(), 'bosai-lock-cli-'));
		writeFileSync(join(dir, lockFileName), JSON.stringify({ pid: 1, holder: 'the bosai-map server' }));
		const run = spawnSync(process.execPath, [resolve('scripts/users.ts'), 'list'], {
			env: { ...process.env, BOSAI_DATA_DIR: dir },
			encoding: 'utf8'
		});
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/the server \(pid 1\) is still starting or too old/);
		expect(existsSync(join(dir, 'PG_VERSION'))).toBe(false);
	});

	it('the users CLI refuses a weak password before opening anything', () => {
		const dir = mkdtempSync(join(tmpdir(), 'bosai-weak-'));
		const run = spawnSync(process.execPath, [resolve('scripts/users.ts'), 'add', 'someone', '--role', 'hq'], {
			env: { ...process.env, BOSAI_DATA_DIR: dir, BOSAI_PASSWORD: 'password1' },
			encoding: 'utf8'
		});
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/at least 12/);
		expect(existsSync(join(dir, 'PG_VERSION'))).toBe(false);
	});
});
