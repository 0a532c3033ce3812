/**
 * Issue 18, L4 — a password reset did not end existing sessions: old tokens stayed valid for up
 * to 8 h. Against the real production server (`npm start`) and the real users CLI: sign in, stop
 * the server (the CLI needs the data dir), reset the password, start again on the same data dir
 * (same JWT secret): the old token is a 401 on every route, the live stream included.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { addAccount, call, randomPassword, signIn, usersCliRun } from '../support/api.ts';
import { startServer, tempDataDir, type RunningServer } from '../support/server.ts';

let server: RunningServer | undefined;

afterAll(async () => {
	await server?.stop();
});

describe('password reset with the users CLI', () => {
	it('ends every session of the account: its old tokens are refused, the new password works', async () => {
		const dataDir = tempDataDir('bosai-e2e-revoke-');
		const account = addAccount(dataDir, 'synthetic-reset-hq', 'hq');
		server = await startServer({ dataDir });
		const old = (await signIn(server.url, account)).access_token;
		expect((await call(server.url, 'GET', '/api/reports', { token: old })).status).toBe(200);
		await server.stop();

		const newPassword = randomPassword();
		const reset = usersCliRun(dataDir, ['add', account.username, '--role', 'hq', '--replace'], newPassword);
		expect(reset.status, reset.stderr).toBe(0);
		expect(reset.stdout).toMatch(/ended every session of synthetic-reset-hq/);

		server = await startServer({ dataDir });
		for (const path of ['/api/reports', '/api/shelters', '/api/alerts']) {
			const r = await call(server.url, 'GET', path, { token: old });
			expect(r.status, path).toBe(401);
			expect(r.body).toMatchObject({ error: { code: 'session_revoked', message: expect.any(String) } });
			expect(r.headers.get('www-authenticate')).toMatch(/invalid_token/);
		}
		const live = await fetch(`${server.url}/api/live?topics=hq`, {
			headers: { authorization: `Bearer ${old}` }
		});
		expect(live.status).toBe(401);
		expect(await live.json()).toMatchObject({ error: { code: 'session_revoked' } });

		const wrong = await call(server.url, 'POST', '/api/auth/token', { body: account });
		expect(wrong.status).toBe(401);
		const fresh = (await signIn(server.url, { ...account, password: newPassword })).access_token;
		expect((await call(server.url, 'GET', '/api/reports', { token: fresh })).status).toBe(200);
	}, 180_000);
});
