/**
 * Demo accounts (made only under `npm run dev`): demo-hq plus one demo-staff-<shelter> per
 * shelter, random passwords that change at every start, listed in a 0600 file in the data dir.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFileName, ensureDemoAccounts } from '#lib/server/auth/demo.ts';
import { login } from '#lib/server/auth/login.ts';
import { PasswordCheckQueue } from '#lib/server/auth/check-queue.ts';
import { SignInGuard } from '#lib/server/auth/sign-in-guard.ts';
import { openDatabase } from '#lib/server/db/index.ts';
import type { Database } from '#lib/server/db/types.ts';

let db: Database;
const dir = mkdtempSync(join(tmpdir(), 'bosai-demo-'));
const secret = new TextEncoder().encode('demo-test-secret-'.repeat(3));

beforeAll(async () => {
	db = await openDatabase({ driver: 'pglite', dataDir: 'memory://', seed: false });
	await db.asService((tx) =>
		tx.query(`insert into public.shelters (id, name, address, kind, lon, lat) values
			('SYN-1', 'synthetic one', '', 'shelter', 139.57, 35.63),
			('SYN-2', 'synthetic two', '', 'both', 139.58, 35.64)`)
	);
}, 60_000);

afterAll(async () => {
	await db?.close();
});

function accounts(): Map<string, { role: string; shelter: string; password: string }> {
	const lines = readFileSync(join(dir, demoFileName), 'utf8')
		.split('\n')
		.filter((line) => line && !line.startsWith('#'));
	return new Map(
		lines.map((line) => {
			const [username, role, shelter, password] = line.split('\t');
			return [username, { role, shelter, password }];
		})
	);
}

const ctx = () => ({
	db,
	secret,
	address: '192.0.2.50',
	guard: new SignInGuard({
		pair: { limit: 50, windowMs: 60_000 },
		address: { limit: 50, windowMs: 60_000 },
		username: { limit: 50, windowMs: 60_000 }
	}),
	checks: new PasswordCheckQueue({ concurrency: 1, maxWaiting: 16, perAddress: 16 })
});

describe('demo accounts', () => {
	it('creates demo-hq and one staff per shelter, listed in a 0600 file', async () => {
		await ensureDemoAccounts(db, dir);
		expect(statSync(join(dir, demoFileName)).mode & 0o777).toBe(0o600);
		const list = accounts();
		expect([...list.keys()].sort()).toEqual(['demo-hq', 'demo-staff-syn-1', 'demo-staff-syn-2']);
		expect(list.get('demo-staff-syn-2')).toMatchObject({ role: 'staff', shelter: 'SYN-2' });
		for (const [username, { password }] of list) {
			expect(password.length).toBeGreaterThanOrEqual(16);
			await expect(login(ctx(), { username, password })).resolves.toHaveProperty('access_token');
		}
	});

	it('new random passwords at every start: the old ones stop working', async () => {
		const before = accounts();
		await ensureDemoAccounts(db, dir);
		const after = accounts();
		const old = before.get('demo-hq')!.password;
		expect(after.get('demo-hq')!.password).not.toBe(old);
		await expect(login(ctx(), { username: 'demo-hq', password: old })).rejects.toMatchObject({ status: 401 });
	});
});
