/**
 * POST /api/auth/token logic: limiter check first (a blocked key never reaches the password
 * check), a full scrypt run even for an unknown user (no timing oracle for usernames), one
 * generic 401 for every kind of wrong.
 */
import type { Database } from '../db/types.ts';
import { ApiError } from '../http.ts';
import { findAccount, usernameSchema } from './accounts.ts';
import { defaultTokenSeconds, signAccessToken } from './jwt.ts';
import { decoyHash, verifyPassword } from './password.ts';
import type { FailureLimiter } from './rate-limit.ts';

export interface TokenResponse {
	access_token: string;
	token_type: 'bearer';
	expires_in: number;
	expires_at: number;
	role: 'hq' | 'staff';
	shelter_id: string | null;
	username: string;
}

export class RateLimitedError extends ApiError {
	readonly retryAfter: number;
	constructor(retryAfter: number) {
		super(429, 'too_many_attempts', `Too many failed sign-ins; try again in ${retryAfter} s`, {
			'retry-after': String(retryAfter)
		});
		this.retryAfter = retryAfter;
	}
}

export interface LoginContext {
	db: Database;
	secret: Uint8Array;
	limiters: { username: FailureLimiter; address: FailureLimiter };
	address: string;
	tokenSeconds?: number;
}

export async function login(
	context: LoginContext,
	input: { username: string; password: string }
): Promise<TokenResponse> {
	const parsedName = usernameSchema.safeParse(input.username);
	const username = parsedName.success ? parsedName.data : input.username.slice(0, 64).toLowerCase();
	const userKey = `u:${username}`;
	const addressKey = `a:${context.address}`;
	const wait = Math.max(
		context.limiters.username.retryAfter(userKey),
		context.limiters.address.retryAfter(addressKey)
	);
	if (wait > 0) throw new RateLimitedError(wait);

	const account = parsedName.success ? await context.db.asService((tx) => findAccount(tx, username)) : null;
	const ok = await verifyPassword(input.password, account?.hash ?? (await decoyHash()));
	if (!account || !ok || !account.role) {
		context.limiters.username.fail(userKey);
		context.limiters.address.fail(addressKey);
		throw new ApiError(401, 'invalid_credentials', 'Wrong username or password');
	}
	context.limiters.username.reset(userKey);
	const seconds = context.tokenSeconds ?? tokenSecondsFromEnv();
	const { token, expiresAt } = await signAccessToken(
		context.secret,
		{ userId: account.id, username, appRole: account.role, shelterId: account.shelter_id },
		seconds
	);
	return {
		access_token: token,
		token_type: 'bearer',
		expires_in: seconds,
		expires_at: expiresAt,
		role: account.role,
		shelter_id: account.shelter_id,
		username
	};
}

/** BOSAI_TOKEN_SECONDS (60 s – 7 days), default one shift (8 h). */
export function tokenSecondsFromEnv(env = process.env): number {
	const value = Number(env.BOSAI_TOKEN_SECONDS);
	return Number.isInteger(value) && value >= 60 && value <= 7 * 86400 ? value : defaultTokenSeconds;
}
