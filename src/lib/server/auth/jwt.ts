/**
 * Access tokens of embedded mode: HS256 JWTs shaped like Supabase's (sub = auth.users id,
 * role 'authenticated', aud 'authenticated', app_metadata {app_role, shelter_id}), so the same
 * `auth.uid()` / `auth.jwt()` SQL works in both modes.
 */
import { createSecretKey, type KeyObject } from 'node:crypto';
import { SignJWT, errors, jwtVerify } from 'jose';
import { z } from 'zod';
import type { Claims } from '../db/types.ts';

export const issuer = 'bosai-map';
export const audience = 'authenticated';
/** Default lifetime: one staff shift. */
export const defaultTokenSeconds = 8 * 60 * 60;

export interface TokenSubject {
	userId: string;
	username: string;
	appRole: 'hq' | 'staff';
	shelterId: string | null;
}

export async function signAccessToken(
	secret: Uint8Array,
	subject: TokenSubject,
	seconds = defaultTokenSeconds,
	now = Math.floor(Date.now() / 1000)
): Promise<{ token: string; expiresAt: number }> {
	const expiresAt = now + seconds;
	const token = await new SignJWT({
		role: 'authenticated',
		username: subject.username,
		app_metadata: { app_role: subject.appRole, shelter_id: subject.shelterId }
	})
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setSubject(subject.userId)
		.setIssuer(issuer)
		.setAudience(audience)
		.setIssuedAt(now)
		.setExpirationTime(expiresAt)
		.sign(secret);
	return { token, expiresAt };
}

const claimsSchema = z.object({
	sub: z.uuid(),
	role: z.literal('authenticated'),
	exp: z.number(),
	iat: z.number().optional(),
	app_metadata: z
		.object({
			app_role: z.enum(['hq', 'staff']).optional(),
			shelter_id: z.string().nullable().optional()
		})
		.optional()
});

export class TokenError extends Error {
	readonly code: 'token_expired' | 'invalid_token';
	constructor(code: 'token_expired' | 'invalid_token', message: string) {
		super(message);
		this.name = 'TokenError';
		this.code = code;
	}
}

// Every request verifies a token: import the secret as a key once, not per call.
const keys = new WeakMap<Uint8Array, KeyObject>();
function keyOf(secret: Uint8Array): KeyObject {
	let key = keys.get(secret);
	if (!key) keys.set(secret, (key = createSecretKey(secret)));
	return key;
}

/** Verifies signature, algorithm, issuer, audience and expiry; returns the claims for SQL. */
export async function verifyAccessToken(secret: Uint8Array, token: string): Promise<Claims> {
	try {
		const { payload } = await jwtVerify(token, keyOf(secret), {
			algorithms: ['HS256'],
			issuer,
			audience
		});
		const parsed = claimsSchema.safeParse(payload);
		if (!parsed.success) throw new TokenError('invalid_token', 'Token claims are malformed');
		return { ...payload, ...parsed.data } as Claims;
	} catch (error) {
		if (error instanceof TokenError) throw error;
		if (error instanceof errors.JWTExpired) throw new TokenError('token_expired', 'Token expired');
		throw new TokenError('invalid_token', 'Token is invalid');
	}
}
