/**
 * Access tokens of embedded mode: HS256 JWTs shaped like Supabase's (sub = auth.users id,
 * role 'authenticated', aud 'authenticated', app_metadata {app_role, shelter_id}), so the same
 * `auth.uid()` / `auth.jwt()` SQL works in both modes. `tv` is the account's session version
 * (migration 20261202000200): SQL refuses a token whose version is no longer current.
 *
 * Signing and verifying are synchronous HMAC-SHA256 (node:crypto) on the main thread, a few µs
 * each. jose's `jwtVerify` went through WebCrypto, which runs on libuv's 4-thread pool — the same
 * pool scrypt uses — so during a burst of sign-ins every bearer check waited behind the password
 * hashes (issue 18, H1). The checks are jose's for our options (tests/unit/auth-crypto.test.ts
 * compares both on the same tokens); a few exotic headers jose would take (`crit`, `b64`, an odd
 * `typ`) are refused.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
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
	/** The account's session version at sign-in (0 when it was never revoked). */
	sessionVersion?: number;
}

const base64url = /^[A-Za-z0-9_-]*$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function encodeJson(value: unknown): string {
	return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function signature(secret: Uint8Array, signingInput: string): string {
	return createHmac('sha256', secret).update(signingInput).digest('base64url');
}

export function signAccessToken(
	secret: Uint8Array,
	subject: TokenSubject,
	seconds = defaultTokenSeconds,
	now = Math.floor(Date.now() / 1000)
): { token: string; expiresAt: number } {
	const expiresAt = now + seconds;
	const header = encodeJson({ alg: 'HS256', typ: 'JWT' });
	const payload = encodeJson({
		role: 'authenticated',
		username: subject.username,
		app_metadata: { app_role: subject.appRole, shelter_id: subject.shelterId },
		tv: subject.sessionVersion ?? 0,
		sub: subject.userId,
		iss: issuer,
		aud: audience,
		iat: now,
		exp: expiresAt
	});
	const signingInput = `${header}.${payload}`;
	return { token: `${signingInput}.${signature(secret, signingInput)}`, expiresAt };
}

const claimsSchema = z.object({
	sub: z.uuid(),
	role: z.literal('authenticated'),
	exp: z.number(),
	iat: z.number().optional(),
	tv: z.number().int().min(0).max(2_147_483_647).optional(),
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

const invalid = () => new TokenError('invalid_token', 'Token is invalid');

/** A base64url part → its JSON object, or null when it is not one. */
function jsonObject(part: string): Record<string, unknown> | null {
	try {
		const value: unknown = JSON.parse(utf8.decode(Buffer.from(part, 'base64url')));
		return typeof value === 'object' && value !== null && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: null;
	} catch {
		return null;
	}
}

/** A NumericDate claim: absent, or a number (anything else makes the token invalid). */
function numericDate(payload: Record<string, unknown>, claim: string): number | undefined {
	const value = payload[claim];
	if (value === undefined) return undefined;
	if (typeof value !== 'number') throw invalid();
	return value;
}

/**
 * Verifies structure, header (alg exactly HS256, typ JWT if present, no crit/b64), signature,
 * issuer, audience, nbf and exp (in jose's order, so the same token gets the same answer), then
 * the claims schema; returns the claims for SQL. Synchronous: never waits for the thread pool.
 */
export function verifyAccessToken(
	secret: Uint8Array,
	token: string,
	now = Math.floor(Date.now() / 1000)
): Claims {
	const parts = token.split('.');
	if (parts.length !== 3 || !parts.every((part) => base64url.test(part))) throw invalid();
	const [encodedHeader, encodedPayload, givenSignature] = parts;
	const header = jsonObject(encodedHeader);
	if (!header || header.alg !== 'HS256' || 'crit' in header || 'b64' in header) throw invalid();
	if (header.typ !== undefined) {
		const typ = typeof header.typ === 'string' ? header.typ.toLowerCase() : '';
		if (typ !== 'jwt' && typ !== 'application/jwt') throw invalid();
	}
	// Compare the canonical encoding: a re-encoded (malleated) signature string is refused too.
	const expected = Buffer.from(signature(secret, `${encodedHeader}.${encodedPayload}`));
	const given = Buffer.from(givenSignature);
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();

	const payload = jsonObject(encodedPayload);
	if (!payload || payload.iss !== issuer) throw invalid();
	const aud = payload.aud;
	if (!(aud === audience || (Array.isArray(aud) && aud.includes(audience)))) throw invalid();
	numericDate(payload, 'iat');
	const nbf = numericDate(payload, 'nbf');
	if (nbf !== undefined && nbf > now) throw invalid();
	const exp = numericDate(payload, 'exp');
	if (exp !== undefined && exp <= now) throw new TokenError('token_expired', 'Token expired');

	const parsed = claimsSchema.safeParse(payload);
	if (!parsed.success) throw new TokenError('invalid_token', 'Token claims are malformed');
	return { ...payload, ...parsed.data } as Claims;
}
