/**
 * POST /api/auth/token logic, in this order (issue 18):
 *   1. the sign-in guard checks and records the attempt at once (sign-in-guard.ts): a limited
 *      attempt is a 429 before anything else, and concurrent guesses cannot all slip through;
 *   2. the password-check queue gives it a place, or refuses it (429/503) — then the recorded
 *      attempt is given back (nothing was checked) and nothing is looked up or hashed;
 *   3. in its place: the account lookup and a full scrypt run, even for an unknown user (no
 *      timing oracle for usernames); one generic 401 for every kind of wrong.
 */
import type { Database } from '../db/types.ts';
import { ApiError } from '../http.ts';
import { findAccount, usernameSchema, type Account } from './accounts.ts';
import type { PasswordCheckQueue } from './check-queue.ts';
import { defaultTokenSeconds, signAccessToken } from './jwt.ts';
import { decoyHash, verifyPassword } from './password.ts';
import type { Guard } from './sign-in-guard.ts';

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
	guard: Guard;
	checks: PasswordCheckQueue;
	address: string;
	tokenSeconds?: number;
}

export async function login(
	context: LoginContext,
	input: { username: string; password: string }
): Promise<TokenResponse> {
	const parsedName = usernameSchema.safeParse(input.username);
	const username = parsedName.success ? parsedName.data : input.username.slice(0, 64).toLowerCase();
	const admission = await context.guard.admit(username, context.address);
	if (!admission.ok) throw new RateLimitedError(admission.retryAfter);
	const place = context.checks.enter(context.address);
	if (!place.ok) {
		await admission.ticket.settle('unchecked');
		throw place.refusal;
	}
	let account: Account | null;
	try {
		account = await place.run(async () => {
			const found = parsedName.success ? await context.db.asService((tx) => findAccount(tx, username)) : null;
			const ok = await verifyPassword(input.password, found?.hash ?? (await decoyHash()));
			// A disabled account is refused like a wrong password (no hint to a guesser).
			return ok && found?.role && !found.disabled ? found : null;
		});
	} catch (error) {
		// A database or hashing failure is no guess: give the attempt back.
		await admission.ticket.settle('unchecked');
		throw error;
	}
	if (!account?.role) {
		await admission.ticket.settle('wrong');
		throw new ApiError(401, 'invalid_credentials', 'Wrong username or password');
	}
	await admission.ticket.settle('right');
	const seconds = context.tokenSeconds ?? tokenSecondsFromEnv();
	const { token, expiresAt } = signAccessToken(
		context.secret,
		{
			userId: account.id,
			username,
			appRole: account.role,
			shelterId: account.shelter_id,
			sessionVersion: account.session_version
		},
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
