/**
 * Sign-in logic against a real PGlite with the real migrations: accounts saved the way the users
 * CLI saves them, 401 for every kind of wrong, 429 per (username, address) and per client
 * address, the limiter consulted before any password check, and (issue 18) concurrent guesses
 * that can never exceed a limit, no lock-out from elsewhere, and the password-check queue.
 * Real scrypt throughout: `checks.started` counts the checks that really ran.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAccounts, revokeSessions, saveAccount } from '#lib/server/auth/accounts.ts';
import { verifyAccessToken } from '#lib/server/auth/jwt.ts';
import { login } from '#lib/server/auth/login.ts';
import { PasswordCheckQueue, type CheckQueueOptions } from '#lib/server/auth/check-queue.ts';
import { SignInGuard, type SignInPolicy } from '#lib/server/auth/sign-in-guard.ts';
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

const minute = 60_000;

function context(
	address = '192.0.2.1',
	policy: Partial<SignInPolicy> = {},
	queue: Partial<CheckQueueOptions> = {}
) {
	return {
		db,
		secret,
		address,
		guard: new SignInGuard({
			pair: { limit: 3, windowMs: minute },
			address: { limit: 5, windowMs: minute },
			username: { limit: 50, windowMs: minute },
			...policy
		}),
		checks: new PasswordCheckQueue({ concurrency: 1, maxWaiting: 64, perAddress: 64, ...queue })
	};
}

describe('login', () => {
	it('answers a token whose claims name the account, role and shelter', async () => {
		const answer = await login(context(), { username: 'Staff-User ', password });
		expect(answer).toMatchObject({ role: 'staff', shelter_id: shelterId, username: 'staff-user' });
		const claims = verifyAccessToken(secret, answer.access_token);
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

	it('429 after repeated failures for one username from one address, even with the right password', async () => {
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

/** Every attempt at once, in one tick (like a burst of requests), settled as status or code. */
async function burst(attempts: (() => Promise<unknown>)[]): Promise<(number | 'ok')[]> {
	const results = await Promise.allSettled(attempts.map((attempt) => attempt()));
	return results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { status: number }).status));
}
const count = (list: unknown[], value: unknown) => list.filter((x) => x === value).length;

describe('concurrent guesses (issue 18, M1: the limiter could be raced)', () => {
	it('40 concurrent guesses for one username are checked only 5 times, and the right password last among them is refused', async () => {
		const ctx = context('192.0.2.40', { pair: { limit: 5, windowMs: minute } });
		const attempts = Array.from(
			{ length: 40 },
			(_, i) => () => login(ctx, { username: 'hq-user', password: i === 39 ? password : `guess number ${i}` })
		);
		const statuses = await burst(attempts);
		expect(ctx.checks.started).toBe(5);
		expect(count(statuses, 401)).toBe(5);
		expect(count(statuses, 429)).toBe(35);
		expect(statuses[39]).toBe(429);
	});

	it('concurrent guesses over many usernames from one address never exceed the address limit', async () => {
		const ctx = context('192.0.2.41', { address: { limit: 10, windowMs: minute } });
		const statuses = await burst(
			Array.from(
				{ length: 30 },
				(_, i) => () => login(ctx, { username: `spray-${i}`, password: 'guess guess' })
			)
		);
		expect(ctx.checks.started).toBe(10);
		expect(count(statuses, 401)).toBe(10);
		expect(count(statuses, 429)).toBe(20);
	});
});

describe('no lock-out from elsewhere (issue 18, M2: five wrong passwords locked an account everywhere)', () => {
	it('failures from one address do not stop the right password from another address', async () => {
		const ctx = context('198.51.100.20');
		for (let i = 0; i < 3; i++) {
			await expect(login(ctx, { username: 'hq-user', password: `wrong ${i}` })).rejects.toMatchObject({
				status: 401
			});
		}
		await expect(login(ctx, { username: 'hq-user', password })).rejects.toMatchObject({ status: 429 });
		await expect(
			login({ ...ctx, address: '203.0.113.20' }, { username: 'hq-user', password })
		).resolves.toMatchObject({ role: 'hq' });
	});

	it('an account over its limit from many addresses still signs in from an address it used before', async () => {
		const ctx = context('203.0.113.1', { username: { limit: 4, windowMs: minute } });
		await expect(login(ctx, { username: 'hq-user', password })).resolves.toMatchObject({ role: 'hq' });
		for (let i = 0; i < 4; i++) {
			await expect(
				login({ ...ctx, address: `192.0.2.${100 + i}` }, { username: 'hq-user', password: `botnet ${i}` })
			).rejects.toMatchObject({ status: 401 });
		}
		// A new address now waits: the account is under a distributed attack…
		await expect(
			login({ ...ctx, address: '192.0.2.200' }, { username: 'hq-user', password })
		).rejects.toMatchObject({
			status: 429
		});
		// …but the office it signed in from before is not locked out by strangers.
		await expect(login(ctx, { username: 'hq-user', password })).resolves.toMatchObject({ role: 'hq' });
	});
});

describe('password-check queue (issue 18, H1: unbounded concurrent hashes)', () => {
	it('a full queue answers 503 with Retry-After at once, hashes nothing more, and does not count the attempt', async () => {
		const ctx = context('192.0.2.60', {}, { concurrency: 1, maxWaiting: 2 });
		// One runs, two wait: the queue is full.
		const admitted = [0, 1, 2].map((i) =>
			login({ ...ctx, address: `192.0.2.${61 + i}` }, { username: 'hq-user', password: `queued ${i}` }).catch(
				(error: { status: number }) => error.status
			)
		);
		for (let i = 0; i < 5; i++) {
			const refused = login(ctx, { username: 'staff-user', password: 'a wrong one' });
			await expect(refused).rejects.toMatchObject({ status: 503, code: 'sign_in_busy' });
			await expect(refused).rejects.toHaveProperty('headers', {
				'retry-after': expect.stringMatching(/^[1-9]\d*$/)
			});
		}
		expect(await Promise.all(admitted)).toEqual([401, 401, 401]);
		expect(ctx.checks.started).toBe(3);
		// Five refusals, pair limit 3: none was counted, so the right password still works there.
		await expect(login(ctx, { username: 'staff-user', password })).resolves.toMatchObject({ role: 'staff' });
	});

	it('one address gets only its share of the queue (429), so it cannot shut others out', async () => {
		const ctx = context('192.0.2.70', { address: { limit: 50, windowMs: minute } }, { perAddress: 2 });
		const statuses = await burst(
			Array.from(
				{ length: 6 },
				(_, i) => () => login(ctx, { username: `spray-q-${i}`, password: 'guess guess' })
			)
		);
		expect(statuses).toEqual([401, 401, 429, 429, 429, 429]);
		expect(ctx.checks.started).toBe(2);
		const refusal = await login(ctx, { username: 'x', password: 'y' }).catch((e: unknown) => e);
		expect(refusal).toMatchObject({ status: 401 });
	});
});

describe('session revocation (issue 18, L4: a password reset left old tokens valid for 8 h)', () => {
	it('a password reset ends every session of the account in SQL; a new sign-in works', async () => {
		const before = await login(context('192.0.2.80'), { username: 'staff-user', password });
		const claims = verifyAccessToken(secret, before.access_token);
		const asCaller = (c: typeof claims) =>
			db.asUser(c, (tx) => tx.query<{ uid: string }>('select auth.uid()::text as uid'));
		await expect(asCaller(claims)).resolves.toMatchObject({ rows: [{ uid: claims.sub }] });

		const newPassword = 'another synthetic passphrase';
		await saveAccount(
			db,
			{ username: 'staff-user', password: newPassword, role: 'staff', shelterId },
			{ replace: true }
		);
		await expect(asCaller(claims)).rejects.toMatchObject({ code: 'PT401' });
		await expect(login(context('192.0.2.81'), { username: 'staff-user', password })).rejects.toMatchObject({
			status: 401
		});
		const after = await login(context('192.0.2.81'), { username: 'staff-user', password: newPassword });
		await expect(asCaller(verifyAccessToken(secret, after.access_token))).resolves.toMatchObject({
			rows: [{ uid: claims.sub }]
		});
		// Revoking again (users CLI `revoke`) ends that one too, and an unknown account is refused.
		expect(await revokeSessions(db, 'staff-user')).toBe(true);
		await expect(asCaller(verifyAccessToken(secret, after.access_token))).rejects.toMatchObject({
			code: 'PT401'
		});
		expect(await revokeSessions(db, 'nobody-at-all')).toBe(false);
		await expect(asCaller({ ...claims, sub: crypto.randomUUID() })).rejects.toMatchObject({ code: 'PT401' });
		// Anonymous callers are never affected.
		await expect(db.asUser(null, (tx) => tx.query('select 1 as one'))).resolves.toMatchObject({
			rows: [{ one: 1 }]
		});
		// Put the original password back for the other tests.
		await saveAccount(db, { username: 'staff-user', password, role: 'staff', shelterId }, { replace: true });
	});

	it('a revoked session is a 401 session_revoked JSON error with WWW-Authenticate, never a 500', async () => {
		const { apiErrorResponse } = await import('#lib/server/http.ts');
		const answer = await login(context('192.0.2.82'), { username: 'hq-user', password });
		await revokeSessions(db, 'hq-user');
		const error = await db
			.asUser(verifyAccessToken(secret, answer.access_token), (tx) => tx.query('select 1'))
			.catch((e: unknown) => e);
		const response = apiErrorResponse(error);
		expect(response?.status).toBe(401);
		expect(response?.headers.get('www-authenticate')).toMatch(/invalid_token/);
		expect(await response?.json()).toMatchObject({
			error: { code: 'session_revoked', message: expect.any(String) }
		});
	});
});
