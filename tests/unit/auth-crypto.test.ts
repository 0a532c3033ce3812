/** Password hashing (scrypt), access tokens (synchronous HS256, checked against jose) and the JWT secret file. */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { signAccessToken, verifyAccessToken, type TokenError } from '#lib/server/auth/jwt.ts';
import { hashPassword, passwordProblem, verifyPassword } from '#lib/server/auth/password.ts';
import { loadJwtSecret, secretFileName } from '#lib/server/auth/secret.ts';

describe('passwords', () => {
	it('hashes with scrypt, a per-user salt and the parameters in the string', async () => {
		const a = await hashPassword('correct horse battery');
		const b = await hashPassword('correct horse battery');
		expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
		expect(a).not.toBe(b);
		expect(await verifyPassword('correct horse battery', a)).toBe(true);
		expect(await verifyPassword('correct horse batterY', a)).toBe(false);
		expect(await verifyPassword('', a)).toBe(false);
	});

	it('treats a malformed or tampered stored hash as no match', async () => {
		const good = await hashPassword('another long password');
		for (const stored of [
			'',
			'plain',
			'scrypt$1$2$3',
			good.replace(/\$[\w-]+$/, '$AAAA'),
			good.replace('32768', '0')
		]) {
			expect(await verifyPassword('another long password', stored)).toBe(false);
		}
	});

	it('refuses short or monotonous new passwords', () => {
		expect(passwordProblem('short')).toMatch(/12/);
		expect(passwordProblem('aaaaaaaaaaaaaaaa')).not.toBeNull();
		expect(passwordProblem('a long enough passphrase')).toBeNull();
	});
});

describe('access tokens', () => {
	const secret = new TextEncoder().encode('s'.repeat(40) + 'unit-test-secret');
	const subject = {
		userId: '6b0f1c3e-6f4a-4c1e-9a55-1f3d2b9c0a11',
		username: 'staff-a',
		appRole: 'staff' as const,
		shelterId: 'E1'
	};
	const codeOf = (run: () => unknown) => {
		try {
			run();
			return 'ok';
		} catch (error) {
			return (error as TokenError).code;
		}
	};

	it('carries sub, role, app_metadata and the session version like a Supabase token', () => {
		const { token, expiresAt } = signAccessToken(secret, { ...subject, sessionVersion: 3 }, 600);
		const claims = verifyAccessToken(secret, token);
		expect(claims).toMatchObject({
			sub: subject.userId,
			role: 'authenticated',
			exp: expiresAt,
			tv: 3,
			app_metadata: { app_role: 'staff', shelter_id: 'E1' }
		});
	});

	it('refuses an expired token with token_expired', () => {
		const past = Math.floor(Date.now() / 1000) - 3600;
		const { token } = signAccessToken(secret, subject, 60, past);
		expect(codeOf(() => verifyAccessToken(secret, token))).toBe('token_expired');
	});

	it('refuses tokens signed elsewhere, unsigned, or for another audience', async () => {
		const { token } = signAccessToken(new TextEncoder().encode('x'.repeat(48)), subject);
		expect(codeOf(() => verifyAccessToken(secret, token))).toBe('invalid_token');
		const payload = token.split('.')[1];
		const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
		expect(codeOf(() => verifyAccessToken(secret, none))).toBe('invalid_token');
		const otherAudience = await new SignJWT({ role: 'authenticated' })
			.setProtectedHeader({ alg: 'HS256' })
			.setSubject(subject.userId)
			.setIssuer('bosai-map')
			.setAudience('someone-else')
			.setExpirationTime('1h')
			.sign(secret);
		expect(codeOf(() => verifyAccessToken(secret, otherAudience))).toBe('invalid_token');
		const serviceRole = await new SignJWT({ role: 'service_role' })
			.setProtectedHeader({ alg: 'HS256' })
			.setSubject(subject.userId)
			.setIssuer('bosai-map')
			.setAudience('authenticated')
			.setExpirationTime('1h')
			.sign(secret);
		expect(codeOf(() => verifyAccessToken(secret, serviceRole))).toBe('invalid_token');
	});

	/** The verifier before issue 18 (jose's jwtVerify on WebCrypto + the same claims schema): the oracle. */
	async function joseVerdict(token: string): Promise<string> {
		try {
			const { payload } = await jwtVerify(token, secret, {
				algorithms: ['HS256'],
				issuer: 'bosai-map',
				audience: 'authenticated'
			});
			const schema = z.object({
				sub: z.uuid(),
				role: z.literal('authenticated'),
				exp: z.number(),
				app_metadata: z.object({ app_role: z.enum(['hq', 'staff']).optional() }).optional()
			});
			return schema.safeParse(payload).success ? 'ok' : 'invalid_token';
		} catch (error) {
			return error instanceof joseErrors.JWTExpired ? 'token_expired' : 'invalid_token';
		}
	}

	it('the synchronous verifier (issue 18, H1: off the thread pool) accepts and refuses exactly what jose did', async () => {
		const now = Math.floor(Date.now() / 1000);
		const other = new TextEncoder().encode('y'.repeat(48));
		const base = { role: 'authenticated', app_metadata: { app_role: 'hq', shelter_id: null } };
		const mint = (
			claims: Record<string, unknown>,
			options: {
				alg?: string;
				typ?: string;
				key?: Uint8Array;
				iss?: string;
				aud?: string | string[];
				exp?: number;
				nbf?: number;
			} = {}
		) => {
			// Claims given explicitly (e.g. a string exp) win over the defaults.
			let jwt = new SignJWT({
				sub: subject.userId,
				iat: now - 10,
				exp: options.exp ?? now + 600,
				...base,
				...claims
			})
				.setProtectedHeader({ alg: options.alg ?? 'HS256', ...(options.typ ? { typ: options.typ } : {}) })
				.setIssuer(options.iss ?? 'bosai-map')
				.setAudience(options.aud ?? 'authenticated');
			if (options.nbf !== undefined) jwt = jwt.setNotBefore(options.nbf);
			return jwt.sign(options.key ?? secret);
		};
		const valid = await mint({});
		const [h, p, sig] = valid.split('.');
		const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
		const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
		const cases: [string, string, string][] = [
			['valid', valid, 'ok'],
			['valid, typ JWT', await mint({}, { typ: 'JWT' }), 'ok'],
			['valid, aud in an array', await mint({}, { aud: ['x', 'authenticated'] }), 'ok'],
			['valid, nbf in the past', await mint({}, { nbf: now - 5 }), 'ok'],
			['ours, with a session version', signAccessToken(secret, subject).token, 'ok'],
			['expired', await mint({}, { exp: now - 1 }), 'token_expired'],
			['expiring now', await mint({}, { exp: now }), 'token_expired'],
			['not valid yet', await mint({}, { nbf: now + 60 }), 'invalid_token'],
			['HS512', await mint({}, { alg: 'HS512' }), 'invalid_token'],
			['HS384', await mint({}, { alg: 'HS384' }), 'invalid_token'],
			['other secret', await mint({}, { key: other }), 'invalid_token'],
			['wrong issuer', await mint({}, { iss: 'someone' }), 'invalid_token'],
			['wrong audience', await mint({}, { aud: 'anon' }), 'invalid_token'],
			['alg none', `${encode({ alg: 'none' })}.${p}.`, 'invalid_token'],
			['alg none with a signature', `${encode({ alg: 'none', typ: 'JWT' })}.${p}.${sig}`, 'invalid_token'],
			['alg hs256 (case)', `${encode({ alg: 'hs256' })}.${p}.${sig}`, 'invalid_token'],
			[
				'tampered payload',
				`${h}.${encode({ ...payload, app_metadata: { app_role: 'hq' }, sub: crypto.randomUUID() })}.${sig}`,
				'invalid_token'
			],
			['tampered header', `${encode({ alg: 'HS256', kid: 'x' })}.${p}.${sig}`, 'invalid_token'],
			['tampered signature', `${h}.${p}.${sig.slice(0, -2)}AA`, 'invalid_token'],
			['no signature', `${h}.${p}.`, 'invalid_token'],
			['two parts', `${h}.${p}`, 'invalid_token'],
			['four parts', `${valid}.x`, 'invalid_token'],
			['not base64url', `${h}.${p}!.${sig}`, 'invalid_token'],
			['payload not an object', `${h}.${encode([1])}.${sig}`, 'invalid_token'],
			['sub not a uuid', await mint({ sub: 'admin' }), 'invalid_token'],
			['role service_role', await mint({ role: 'service_role' }), 'invalid_token'],
			['exp a string', await mint({ exp: String(now + 600) }), 'invalid_token'],
			[
				'no exp',
				await new SignJWT(base)
					.setProtectedHeader({ alg: 'HS256' })
					.setSubject(subject.userId)
					.setIssuer('bosai-map')
					.setAudience('authenticated')
					.sign(secret),
				'invalid_token'
			],
			[
				'no iss',
				await new SignJWT(base)
					.setProtectedHeader({ alg: 'HS256' })
					.setSubject(subject.userId)
					.setAudience('authenticated')
					.setExpirationTime('1h')
					.sign(secret),
				'invalid_token'
			],
			[
				'no aud',
				await new SignJWT(base)
					.setProtectedHeader({ alg: 'HS256' })
					.setSubject(subject.userId)
					.setIssuer('bosai-map')
					.setExpirationTime('1h')
					.sign(secret),
				'invalid_token'
			],
			['nbf a string', await mint({ nbf: 'yesterday' }), 'invalid_token'],
			['iat a string', await mint({ iat: 'now' }), 'invalid_token'],
			['app_role admin', await mint({ app_metadata: { app_role: 'admin' } }), 'invalid_token']
		];
		for (const [name, token, expected] of cases) {
			expect(await joseVerdict(token), `jose: ${name}`).toBe(expected);
			expect(
				codeOf(() => verifyAccessToken(secret, token)),
				name
			).toBe(expected);
		}
	});

	it('the synchronous verifier agrees with jose on randomly corrupted tokens', async () => {
		const valid = signAccessToken(secret, subject).token;
		const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
		await fc.assert(
			fc.asyncProperty(fc.nat(valid.length - 1), fc.constantFrom(...alphabet), async (at, char) => {
				const token = valid.slice(0, at) + char + valid.slice(at + 1);
				const ours = codeOf(() => verifyAccessToken(secret, token));
				// Same token text: both accept; jose may decode a non-canonical last base64 character
				// to the same bytes, which ours refuses (stricter, never looser).
				const theirs = await joseVerdict(token);
				expect(ours === theirs || (ours === 'invalid_token' && token !== valid)).toBe(true);
				if (ours === 'ok') expect(token).toBe(valid);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('JWT secret', () => {
	it('is generated once into the data dir with mode 0600 and reused', () => {
		const dir = mkdtempSync(join(tmpdir(), 'bosai-secret-'));
		const first = loadJwtSecret(dir, {});
		const second = loadJwtSecret(dir, {});
		expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
		expect(first.length).toBeGreaterThanOrEqual(32);
		const file = join(dir, secretFileName);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		expect(readFileSync(file, 'utf8').trim()).toBe(new TextDecoder().decode(first));
	});

	it('takes BOSAI_JWT_SECRET when set and refuses a short one', () => {
		const dir = mkdtempSync(join(tmpdir(), 'bosai-secret-'));
		const value = 'k'.repeat(40);
		expect(new TextDecoder().decode(loadJwtSecret(dir, { BOSAI_JWT_SECRET: value }))).toBe(value);
		expect(() => loadJwtSecret(dir, { BOSAI_JWT_SECRET: 'short' })).toThrow(/32/);
	});
});
