/**
 * Sign-in and tokens over HTTP against the real server: wrong password 401, repeated failures 429
 * with Retry-After, expired and forged tokens 401 JSON on every protected route.
 */
import { SignJWT } from 'jose';
import { describe, expect, inject, it } from 'vitest';
import { call, signIn } from '../support/api.ts';

const baseURL = inject('baseURL');
const accounts = inject('accounts');

function serverSecret(): Uint8Array {
	return new TextEncoder().encode(inject('jwtSecret'));
}

async function tokenFor(sub: string, secret: Uint8Array, expiresAt: number) {
	return new SignJWT({ role: 'authenticated', app_metadata: { app_role: 'hq', shelter_id: null } })
		.setProtectedHeader({ alg: 'HS256' })
		.setSubject(sub)
		.setIssuer('bosai-map')
		.setAudience('authenticated')
		.setIssuedAt(expiresAt - 3600)
		.setExpirationTime(expiresAt)
		.sign(secret);
}

function subOf(token: string): string {
	return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub;
}

describe('POST /api/auth/token', () => {
	it('answers a token with role and shelter for the right password', async () => {
		const answer = await signIn(baseURL, accounts.staffA);
		expect(answer.role).toBe('staff');
		expect(answer.shelter_id).toBe(accounts.staffA.shelter_id);
		expect(answer.expires_in).toBeGreaterThan(60);
		expect(answer.access_token.split('.')).toHaveLength(3);
	});

	it('refuses a wrong password and an unknown user with the same 401', async () => {
		const wrong = await call(baseURL, 'POST', '/api/auth/token', {
			body: { username: accounts.hq.username, password: accounts.hq.password + 'x' }
		});
		const unknown = await call(baseURL, 'POST', '/api/auth/token', {
			body: { username: 'nobody-here', password: 'whatever-long-password' }
		});
		expect(wrong.status).toBe(401);
		expect(unknown.status).toBe(401);
		expect(wrong.body).toEqual(unknown.body);
		expect(wrong.body).toMatchObject({ error: { code: 'invalid_credentials' } });
	});

	it('rate-limits repeated failures for one username (429 + Retry-After), even with the right password', async () => {
		const username = `locked-${Date.now()}`;
		const statuses: number[] = [];
		for (let i = 0; i < 6; i++) {
			const r = await call(baseURL, 'POST', '/api/auth/token', {
				body: { username, password: `wrong-password-${i}` }
			});
			statuses.push(r.status);
		}
		expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
		expect(statuses[5]).toBe(429);
		const again = await call(baseURL, 'POST', '/api/auth/token', {
			body: { username, password: 'anything-at-all' }
		});
		expect(again.status).toBe(429);
		expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(again.body).toMatchObject({ error: { code: 'too_many_attempts' } });
	});

	it('refuses a body that is not {username, password}', async () => {
		for (const body of ['{', JSON.stringify({ username: 'x' }), JSON.stringify([1, 2])]) {
			const r = await call(baseURL, 'POST', '/api/auth/token', { body });
			expect(r.status).toBe(400);
		}
		const asXml = await call(baseURL, 'POST', '/api/auth/token', {
			body: '<username>a</username>',
			headers: { 'content-type': 'application/xml' }
		});
		expect(asXml.status).toBe(415);
		expect(asXml.body).toMatchObject({ error: { code: 'unsupported_media_type' } });
		// A cross-site form post never reaches the handler: SvelteKit's CSRF guard answers 403.
		const asForm = await call(baseURL, 'POST', '/api/auth/token', {
			body: 'username=a&password=b',
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }
		});
		expect(asForm.status).toBe(403);
	});
});

describe('Bearer tokens', () => {
	it('a valid token is accepted', async () => {
		const { access_token } = await signIn(baseURL, accounts.hq);
		const r = await call(baseURL, 'GET', '/api/reports', { token: access_token });
		expect(r.status).toBe(200);
	});

	it('an expired token is a 401 JSON answer, also on public routes', async () => {
		const { access_token } = await signIn(baseURL, accounts.hq);
		const expired = await tokenFor(subOf(access_token), serverSecret(), Math.floor(Date.now() / 1000) - 10);
		for (const path of ['/api/reports', '/api/shelters', '/api/alerts']) {
			const r = await call(baseURL, 'GET', path, { token: expired });
			expect(r.status, path).toBe(401);
			expect(r.body).toMatchObject({ error: { code: 'token_expired' } });
		}
	});

	it('a forged token (other secret, alg none, tampered payload) is a 401', async () => {
		const { access_token } = await signIn(baseURL, accounts.staffA);
		const sub = subOf(access_token);
		const otherSecret = new TextEncoder().encode('x'.repeat(48));
		const forged = await tokenFor(sub, otherSecret, Math.floor(Date.now() / 1000) + 3600);
		const [header, payload] = access_token.split('.');
		const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
		claims.app_metadata.app_role = 'hq';
		const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${access_token.split('.')[2]}`;
		for (const token of [forged, none, tampered, 'not-a-jwt']) {
			const r = await call(baseURL, 'GET', '/api/reports', { token });
			expect(r.status).toBe(401);
			expect(r.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
		}
	});

	it('anonymous callers get 401 on signed-in endpoints', async () => {
		const r = await call(baseURL, 'GET', '/api/reports');
		expect(r.status).toBe(401);
		expect(r.headers.get('www-authenticate')).toMatch(/Bearer/);
	});
});
