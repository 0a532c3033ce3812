/**
 * The sign-in limits kept in the database (db-guard.ts over signin_admit/settle, migration
 * 20261205120100), on embedded PGlite and on a real PostgreSQL server — where concurrent admits
 * really run side by side: reserved atomically (issue 18 M1), per (username, address) and per
 * address without stranger lock-out (M2), kept across a reopen (a restart).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DbSignInGuard, enrollDbLimits, enrollKey, type DbLimits } from '#lib/server/auth/db-guard.ts';
import { drivers, openTestDatabase, type OpenedDatabase } from './db-fixtures.ts';

const limits: DbLimits = { windowSeconds: 900, pair: 5, address: 20, username: 30, knownDays: 30 };

describe.each(drivers)('sign-in limits in the database on %s', (driver) => {
	let opened: OpenedDatabase;
	beforeAll(async () => {
		opened = await openTestDatabase(driver);
	}, 120_000);
	afterAll(async () => opened?.close(), 30_000);

	test('40 concurrent guesses for one (username, address): exactly 5 are admitted (M1)', async () => {
		const guard = new DbSignInGuard(opened.db, limits);
		const answers = await Promise.all(
			Array.from({ length: 40 }, () => guard.admit('synthetic-race', '192.0.2.10'))
		);
		expect(answers.filter((a) => a.ok)).toHaveLength(5);
		const refused = answers.find((a) => !a.ok);
		expect(refused).toMatchObject({ ok: false, retryAfter: expect.any(Number) });
		expect((refused as { retryAfter: number }).retryAfter).toBeGreaterThan(890);
	});

	test('concurrent guesses spraying usernames from one address stop at the address limit', async () => {
		const guard = new DbSignInGuard(opened.db, limits);
		const answers = await Promise.all(
			Array.from({ length: 60 }, (_, i) => guard.admit(`synthetic-spray-${i}`, '192.0.2.11'))
		);
		expect(answers.filter((a) => a.ok)).toHaveLength(20);
	});

	test('a stranger cannot lock an account out of an address it signed in from (M2)', async () => {
		const guard = new DbSignInGuard(opened.db, limits);
		const first = await guard.admit('synthetic-hq', '203.0.113.1');
		if (!first.ok) throw new Error('first attempt refused');
		await first.ticket.settle('right');
		for (let i = 0; i < 30; i++) {
			const attempt = await guard.admit('synthetic-hq', `198.51.100.${i}`);
			if (attempt.ok) await attempt.ticket.settle('wrong');
		}
		expect(await guard.admit('synthetic-hq', '198.51.100.200')).toMatchObject({ ok: false });
		const known = await guard.admit('synthetic-hq', '203.0.113.1');
		expect(known.ok).toBe(true);
	});

	test('right gives the attempt back and clears the pair; unchecked gives it back', async () => {
		const guard = new DbSignInGuard(opened.db, limits);
		for (let i = 0; i < 4; i++) {
			const attempt = await guard.admit('synthetic-settle', '192.0.2.12');
			if (attempt.ok) await attempt.ticket.settle('wrong');
		}
		const unchecked = await guard.admit('synthetic-settle', '192.0.2.12');
		if (!unchecked.ok) throw new Error('refused');
		await unchecked.ticket.settle('unchecked');
		const right = await guard.admit('synthetic-settle', '192.0.2.12');
		if (!right.ok) throw new Error('refused');
		await right.ticket.settle('right');
		// The four wrong ones no longer count for the pair: five more are admitted.
		const after = [];
		for (let i = 0; i < 6; i++) after.push(await guard.admit('synthetic-settle', '192.0.2.12'));
		expect(after.map((a) => a.ok)).toEqual([true, true, true, true, true, false]);
	});

	test('enrollment attempts: 5 per address, no city-wide limit', async () => {
		const guard = new DbSignInGuard(opened.db, enrollDbLimits);
		const here = [];
		for (let i = 0; i < 6; i++) here.push(await guard.admit(enrollKey, '192.0.2.13'));
		expect(here.map((a) => a.ok)).toEqual([true, true, true, true, true, false]);
		expect((await guard.admit(enrollKey, '192.0.2.14')).ok).toBe(true);
	});

	test('the platform alone may read the counters; bad input is refused by SQL', async () => {
		await expect(
			opened.db.asService((tx) =>
				tx.query(`select public.signin_admit($1, 'x', '{}'::jsonb)`, ['u'.repeat(65)])
			)
		).rejects.toMatchObject({ code: '22023' });
		await expect(
			opened.db.asService((tx) => tx.query(`select public.signin_settle(1, 'maybe')`))
		).rejects.toMatchObject({ code: '22023' });
	});
});
