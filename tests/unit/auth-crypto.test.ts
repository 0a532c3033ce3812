/** Password hashing (scrypt), access tokens (jose HS256) and the JWT secret file. */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { signAccessToken, verifyAccessToken } from '#lib/server/auth/jwt.ts';
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

	it('carries sub, role and app_metadata like a Supabase token', async () => {
		const { token, expiresAt } = await signAccessToken(secret, subject, 600);
		const claims = await verifyAccessToken(secret, token);
		expect(claims).toMatchObject({
			sub: subject.userId,
			role: 'authenticated',
			exp: expiresAt,
			app_metadata: { app_role: 'staff', shelter_id: 'E1' }
		});
	});

	it('refuses an expired token with token_expired', async () => {
		const past = Math.floor(Date.now() / 1000) - 3600;
		const { token } = await signAccessToken(secret, subject, 60, past);
		await expect(verifyAccessToken(secret, token)).rejects.toMatchObject({ code: 'token_expired' });
	});

	it('refuses tokens signed elsewhere, unsigned, or for another audience', async () => {
		const { token } = await signAccessToken(new TextEncoder().encode('x'.repeat(48)), subject);
		await expect(verifyAccessToken(secret, token)).rejects.toMatchObject({ code: 'invalid_token' });
		const payload = token.split('.')[1];
		const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
		await expect(verifyAccessToken(secret, none)).rejects.toMatchObject({ code: 'invalid_token' });
		const otherAudience = await new SignJWT({ role: 'authenticated' })
			.setProtectedHeader({ alg: 'HS256' })
			.setSubject(subject.userId)
			.setIssuer('bosai-map')
			.setAudience('someone-else')
			.setExpirationTime('1h')
			.sign(secret);
		await expect(verifyAccessToken(secret, otherAudience)).rejects.toMatchObject({ code: 'invalid_token' });
		const serviceRole = await new SignJWT({ role: 'service_role' })
			.setProtectedHeader({ alg: 'HS256' })
			.setSubject(subject.userId)
			.setIssuer('bosai-map')
			.setAudience('authenticated')
			.setExpirationTime('1h')
			.sign(secret);
		await expect(verifyAccessToken(secret, serviceRole)).rejects.toMatchObject({ code: 'invalid_token' });
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
