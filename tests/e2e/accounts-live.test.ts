/**
 * Issue 16 — accounts and terminals managed live, limits that survive. Against the real production
 * server (`npm start`) on its own data dir, with a staff terminal's live stream open:
 *   - HQ creates an account (passphrase shown once) and its owner signs in; `npm run users -- add`
 *     works at the same time (the running server runs it: users-service.ts);
 *   - HQ disables another account: its next request is 401 and its live stream ends within 5 s;
 *   - reset and move end sessions too; the audit log has each step;
 *   - a 端末登録コード works once; used, expired and wrong codes are refused clearly and count
 *     toward the limit, which (like the sign-in limit) still holds after a restart.
 * Accounts and shelters' ids come from the real data; usernames are synthetic.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#lib/server/db/index.ts';
import { addAccount, call, pickShelters, randomPassword, signIn, usersCliRun } from '../support/api.ts';
import { startServer, tempDataDir, type RunningServer } from '../support/server.ts';

let server: RunningServer | undefined;

afterAll(async () => {
	await server?.stop();
});

/** Opens a live stream; resolves `ended` with the time its body ended. */
async function openStream(url: string, token: string, topic: string) {
	const response = await fetch(`${url}/api/live?topics=${encodeURIComponent(topic)}`, {
		headers: { authorization: `Bearer ${token}` }
	});
	expect(response.status).toBe(200);
	const reader = response.body!.getReader();
	const ended = (async () => {
		for (;;) {
			const { done } = await reader.read().catch(() => ({ done: true }));
			if (done) return performance.now();
		}
	})();
	return { ended, cancel: () => reader.cancel().catch(() => {}) };
}

describe('accounts and terminals managed live (issue 16)', () => {
	it('creates, disables, resets, moves, enrolls — while the server runs', async () => {
		const dataDir = tempDataDir('bosai-e2e-accounts-');
		const [shelterA, shelterB] = pickShelters(dataDir);
		const hqAccount = addAccount(dataDir, 'synthetic-acc-hq', 'hq');
		const other = addAccount(dataDir, 'synthetic-acc-other', 'staff', shelterA);
		server = await startServer({ dataDir });
		const url = server.url;
		const hq = (await signIn(url, hqAccount)).access_token;

		// A staff terminal connected: its live stream is open.
		const otherToken = (await signIn(url, other)).access_token;
		const terminal = await openStream(url, otherToken, `shelter:${shelterA}`);

		// HQ creates an account; the passphrase comes once; its owner signs in.
		const created = await call<{ id: string; username: string; password: string }>(
			url,
			'POST',
			'/api/accounts',
			{
				token: hq,
				body: { username: 'synthetic-acc-new', role: 'staff', shelter_id: shelterB }
			}
		);
		expect(created.status).toBe(201);
		expect(created.body.password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
		const newToken = (await signIn(url, { username: 'synthetic-acc-new', password: created.body.password }))
			.access_token;
		expect((await call(url, 'GET', '/api/reports', { token: newToken })).status).toBe(200);

		// Bad input and wrong callers: clear 4xx JSON, nothing changed.
		const bad = await call(url, 'POST', '/api/accounts', {
			token: hq,
			body: { username: 'No Spaces', role: 'staff', shelter_id: shelterB }
		});
		expect(bad.status).toBe(400);
		expect(bad.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
		const noShelter = await call(url, 'POST', '/api/accounts', {
			token: hq,
			body: { username: 'synthetic-acc-x', role: 'staff', shelter_id: null }
		});
		expect(noShelter.status).toBe(400);
		const byStaff = await call(url, 'GET', '/api/accounts', { token: newToken });
		expect(byStaff.status).toBe(403);
		expect((await call(url, 'GET', '/api/accounts')).status).toBe(403);

		// `npm run users -- add` at the same time, through the running server.
		const cliPassword = randomPassword();
		const cli = usersCliRun(
			dataDir,
			['add', 'synthetic-acc-cli', '--role', 'staff', '--shelter', shelterB],
			cliPassword
		);
		expect(cli.status, cli.stderr).toBe(0);
		expect(cli.stdout).toMatch(/added synthetic-acc-cli/);
		await signIn(url, { username: 'synthetic-acc-cli', password: cliPassword });
		const listed = usersCliRun(dataDir, ['list']);
		expect(listed.status, listed.stderr).toBe(0);
		expect(listed.stdout).toMatch(/synthetic-acc-new\tstaff/);

		// The list: states, no secrets.
		const accounts = await call<{ accounts: Record<string, unknown>[] }>(url, 'GET', '/api/accounts', {
			token: hq
		});
		const otherRow = accounts.body.accounts.find((a) => a.username === other.username)!;
		expect(otherRow).toMatchObject({
			role: 'staff',
			kind: 'person',
			shelter_id: shelterA,
			disabled_at: null
		});
		expect(JSON.stringify(accounts.body)).not.toMatch(/scrypt|password|encrypted/);

		// HQ disables the other account: next request 401, its live stream ends within 5 s.
		const disabledAt = performance.now();
		const disable = await call(url, 'PATCH', `/api/accounts/${otherRow.id}`, {
			token: hq,
			body: { disabled: true }
		});
		expect(disable.status).toBe(200);
		const refused = await call(url, 'GET', '/api/reports', { token: otherToken });
		expect(refused.status).toBe(401);
		expect(refused.body).toMatchObject({ error: { code: 'session_revoked' } });
		const endedAfter =
			(await Promise.race([
				terminal.ended,
				new Promise<number>((r) => setTimeout(() => r(Infinity), 8_000))
			])) - disabledAt;
		terminal.cancel();
		console.log(`live stream of the disabled account ended ${Math.round(endedAfter)} ms after the disable`);
		expect(endedAfter).toBeLessThan(5_000);
		expect((await call(url, 'POST', '/api/auth/token', { body: other })).status).toBe(401);
		expect(
			(await call(url, 'PATCH', `/api/accounts/${otherRow.id}`, { token: hq, body: { disabled: false } }))
				.status
		).toBe(200);
		await signIn(url, other);

		// HQ cannot disable itself; an unknown account is a 404.
		const self = accounts.body.accounts.find((a) => a.username === hqAccount.username)!;
		expect(
			(await call(url, 'PATCH', `/api/accounts/${self.id}`, { token: hq, body: { disabled: true } })).status
		).toBe(400);
		expect(
			(
				await call(url, 'PATCH', '/api/accounts/00000000-0000-4000-8000-000000000999', {
					token: hq,
					body: { disabled: true }
				})
			).status
		).toBe(404);

		// Reset: a new passphrase, the old token and password stop working.
		const reset = await call<{ password: string }>(url, 'POST', `/api/accounts/${created.body.id}/password`, {
			token: hq,
			body: {}
		});
		expect(reset.status).toBe(200);
		expect((await call(url, 'GET', '/api/reports', { token: newToken })).status).toBe(401);
		expect(
			(
				await call(url, 'POST', '/api/auth/token', {
					body: { username: 'synthetic-acc-new', password: created.body.password }
				})
			).status
		).toBe(401);
		// Move: the account signs in again and is bound to the new shelter.
		expect(
			(
				await call(url, 'PATCH', `/api/accounts/${created.body.id}`, {
					token: hq,
					body: { shelter_id: shelterA }
				})
			).status
		).toBe(200);
		const moved = await signIn(url, { username: 'synthetic-acc-new', password: reset.body.password });
		expect(moved.shelter_id).toBe(shelterA);

		// Enrollment: a code works once (QR of the /staff address), then is refused as used.
		const made = await call<{ code: string; url: string; qr_svg: string; expires_at: string }>(
			url,
			'POST',
			'/api/accounts/enrollment-codes',
			{ token: hq, body: { shelter_id: shelterB } }
		);
		expect(made.status).toBe(201);
		expect(made.body.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
		expect(made.body.url).toBe(`${url}/staff?enroll=${made.body.code}`);
		expect(made.body.qr_svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
		const device = await call<{ username: string; password: string; shelter_id: string }>(
			url,
			'POST',
			'/api/enroll',
			{
				body: { code: `${made.body.code.slice(0, 4).toLowerCase()}-${made.body.code.slice(4)}` }
			}
		);
		expect(device.status).toBe(201);
		expect(device.body.shelter_id).toBe(shelterB);
		const deviceToken = (await signIn(url, device.body)).access_token;
		const afterEnroll = await call<{ accounts: Record<string, unknown>[] }>(url, 'GET', '/api/accounts', {
			token: hq
		});
		const deviceRow = afterEnroll.body.accounts.find((a) => a.username === device.body.username)!;
		expect(deviceRow).toMatchObject({ kind: 'device', role: 'staff', shelter_id: shelterB });
		const used = await call(url, 'POST', '/api/enroll', { body: { code: made.body.code } }); // failure 1
		expect(used.status).toBe(410);
		expect(used.body).toMatchObject({ error: { code: 'code_used' } });
		const wrong = await call(url, 'POST', '/api/enroll', { body: { code: 'ZZZZ-ZZZZ' } }); // failure 2
		expect(wrong.status).toBe(400);
		expect(wrong.body).toMatchObject({ error: { code: 'code_unknown' } });
		// HQ revokes the device: its token is refused.
		expect(
			(await call(url, 'PATCH', `/api/accounts/${deviceRow.id}`, { token: hq, body: { disabled: true } }))
				.status
		).toBe(200);
		expect((await call(url, 'GET', '/api/reports', { token: deviceToken })).status).toBe(401);

		// A second code, made to expire; five wrong sign-ins for one username.
		const second = await call<{ id: string; code: string }>(url, 'POST', '/api/accounts/enrollment-codes', {
			token: hq,
			body: { shelter_id: shelterA }
		});
		for (let i = 0; i < 5; i++) {
			const guess = await call(url, 'POST', '/api/auth/token', {
				body: { username: 'synthetic-acc-cli', password: `wrong guess ${i}` }
			});
			expect(guess.status).toBe(401);
		}

		// The audit log has each step, with HQ as the actor.
		const audit = await call<{ actor_name: string | null; new: { step?: string } | null }[]>(
			url,
			'GET',
			'/api/audit?table=accounts&limit=100',
			{ token: hq }
		);
		expect(audit.status).toBe(200);
		const steps = audit.body.map((e) => e.new?.step);
		for (const step of [
			'create',
			'disable',
			'enable',
			'reset_password',
			'move',
			'enrollment_code',
			'enroll_device'
		]) {
			expect(steps, step).toContain(step);
		}
		expect(audit.body.find((e) => e.new?.step === 'disable')?.actor_name).toBe(hqAccount.username);

		// Restart; the second code expires meanwhile (its clock set back in the database).
		await server.stop();
		const db = await openDatabase({ driver: 'pglite', dataDir, migrate: false });
		await db.asService((tx) =>
			tx.query(
				`update public.enrollment_codes set created_at = now() - interval '1 hour',
				   expires_at = now() - interval '45 minutes' where id = $1`,
				[second.body.id]
			)
		);
		await db.close();
		server = await startServer({ dataDir });

		// The sign-in limit survived the restart.
		const locked = await call(server.url, 'POST', '/api/auth/token', {
			body: { username: 'synthetic-acc-cli', password: cliPassword }
		});
		expect(locked.status).toBe(429);
		expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);

		const expired = await call(server.url, 'POST', '/api/enroll', { body: { code: second.body.code } }); // 3
		expect(expired.status).toBe(410);
		expect(expired.body).toMatchObject({ error: { code: 'code_expired' } });
		for (const code of ['2345-6789', 'not a code']) {
			expect((await call(server.url, 'POST', '/api/enroll', { body: { code } })).status).toBe(400); // 4, 5
		}
		// Five failures from this address (two before the restart): even a fresh, valid code waits.
		const hq2 = (await signIn(server.url, hqAccount)).access_token;
		const third = await call<{ code: string }>(server.url, 'POST', '/api/accounts/enrollment-codes', {
			token: hq2,
			body: { shelter_id: shelterA }
		});
		const limited = await call(server.url, 'POST', '/api/enroll', { body: { code: third.body.code } });
		expect(limited.status).toBe(429);
		expect(limited.body).toMatchObject({ error: { code: 'too_many_attempts' } });
	}, 240_000);
});
