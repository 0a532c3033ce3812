/** The failed-login limiter and the data-dir lock (one process per PGlite data dir). */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirBusyError, lockDataDir, lockFileName } from '#lib/server/api/data-dir-lock.ts';
import { FailureLimiter } from '#lib/server/auth/rate-limit.ts';

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

	it('the users CLI refuses clearly while the server holds the data dir, touching nothing', () => {
		const dir = mkdtempSync(join(tmpdir(), 'bosai-lock-cli-'));
		writeFileSync(join(dir, lockFileName), JSON.stringify({ pid: 1, holder: 'the bosai-map server' }));
		const run = spawnSync(process.execPath, [resolve('scripts/users.ts'), 'list'], {
			env: { ...process.env, BOSAI_DATA_DIR: dir },
			encoding: 'utf8'
		});
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/in use by the bosai-map server \(pid 1\)/);
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
