/**
 * Sign-in logic against a real PGlite with the real migrations: accounts saved the way the users
 * CLI saves them, 401 for every kind of wrong, 429 per username and per client address, and the
 * limiter consulted before any password check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveAccount, listAccounts } from '#lib/server/auth/accounts.ts';
import { verifyAccessToken } from '#lib/server/auth/jwt.ts';
import { login } from '#lib/server/auth/login.ts';
import { FailureLimiter } from '#lib/server/auth/rate-limit.ts';
import { openDatabase } from '#lib/server/db/index.ts';
import type { Database } from '#lib/server/db/types.ts';

let db: Database;
const secret = new TextEncoder().encode('unit-test-secret-'.repeat(3));
const password = 'a synthetic passphrase';
let shelterId = '';

beforeAll(async () => {
	db = await openDatabase({ driver: 'pglite', dataDir: 'memory://', seed: false });
	// One synthetic shelter, enough for a staff binding.
	shelterId = 'synthetic-1';
	await db.asService((tx) =>
		tx.query(
			`insert into public.shelters (id, name, address, kind, lon, lat) values ($1, 'synthetic shelter', '', 'shelter', 139.57, 35.63)`,
			[shelterId]
		)
	);
	await saveAccount(db, { username: 'hq-user', password, role: 'hq', shelterId: null });
	await saveAccount(db, { username: 'staff-user', password, role: 'staff', shelterId });
}, 60_000);

afterAll(async () => {
	await db?.close();
});

function context(address = '192.0.2.1') {
	return {
		db,
		secret,
		address,
		limiters: {
			username: new FailureLimiter({ limit: 3, windowMs: 60_000 }),
			address: new FailureLimiter({ limit: 5, windowMs: 60_000 })
		}
	};
}

describe('login', () => {
	it('answers a token whose claims name the account, role and shelter', async () => {
		const answer = await login(context(), { username: 'Staff-User ', password });
		expect(answer).toMatchObject({ role: 'staff', shelter_id: shelterId, username: 'staff-user' });
		const claims = await verifyAccessToken(secret, answer.access_token);
		const accounts = await listAccounts(db);
		expect(claims.sub).toBe(accounts.find((a) => a.username === 'staff-user')?.id);
		expect(claims.app_metadata).toEqual({ app_role: 'staff', shelter_id: shelterId });
	});

	it('stores only a scrypt hash', async () => {
		const rows = await db.asService((tx) =>
			tx.query<{ encrypted_password: string }>(`select encrypted_password from auth.users`)
		);
		for (const row of rows.rows) {
			expect(row.encrypted_password).toMatch(/^scrypt\$/);
			expect(row.encrypted_password).not.toContain(password);
		}
	});

	it('401 for a wrong password, an unknown user and a malformed username alike', async () => {
		const ctx = context();
		for (const input of [
			{ username: 'hq-user', password: 'wrong password here' },
			{ username: 'nobody', password },
			{ username: '../../etc', password }
		]) {
			await expect(login(ctx, input)).rejects.toMatchObject({ status: 401, code: 'invalid_credentials' });
		}
	});

	it('429 after repeated failures for one username, even with the right password', async () => {
		const ctx = context();
		for (let i = 0; i < 3; i++) {
			await expect(login(ctx, { username: 'hq-user', password: `nope ${i}` })).rejects.toMatchObject({
				status: 401
			});
		}
		const blocked = login(ctx, { username: 'hq-user', password });
		await expect(blocked).rejects.toMatchObject({ status: 429, code: 'too_many_attempts' });
		await expect(blocked).rejects.toHaveProperty('headers', {
			'retry-after': expect.stringMatching(/^\d+$/)
		});
		// Another user from the same address is not blocked yet (address limit 5, 3 failures so far).
		await expect(login(ctx, { username: 'staff-user', password })).resolves.toMatchObject({ role: 'staff' });
	});

	it('429 per client address when failures spread over many usernames', async () => {
		const ctx = context('198.51.100.7');
		for (let i = 0; i < 5; i++) {
			await expect(
				login(ctx, { username: `spray-${i}`, password: 'guess guess guess' })
			).rejects.toMatchObject({ status: 401 });
		}
		await expect(login(ctx, { username: 'hq-user', password })).rejects.toMatchObject({ status: 429 });
		const elsewhere = { ...ctx, address: '203.0.113.9' };
		await expect(login(elsewhere, { username: 'hq-user', password })).resolves.toMatchObject({ role: 'hq' });
	});

	it('an account without a role binding cannot sign in', async () => {
		await db.asService((tx) =>
			tx.query(
				`insert into auth.users (email, encrypted_password) select 'orphan', encrypted_password from auth.users where email = 'hq-user'`
			)
		);
		await expect(login(context(), { username: 'orphan', password })).rejects.toMatchObject({ status: 401 });
	});

	it('saveAccount refuses a duplicate, an unknown shelter and a staff without shelter', async () => {
		await expect(
			saveAccount(db, { username: 'hq-user', password, role: 'hq', shelterId: null })
		).rejects.toThrow(/exists/);
		await expect(
			saveAccount(db, { username: 'x-staff', password, role: 'staff', shelterId: 'nope' })
		).rejects.toThrow(/no shelter/);
		await expect(
			saveAccount(db, { username: 'y-staff', password, role: 'staff', shelterId: null })
		).rejects.toThrow(/--shelter/);
	});
});
