/**
 * The sign-in guard kept in the database (migration 20261205120100): the same policy as the
 * in-memory SignInGuard (sign-in-guard.ts), but a restart keeps the counters and every app server
 * on one PostgreSQL database shares them (issues 16, 17). `admit` reserves the attempt in one
 * SQL call under advisory locks (race-free, issue 18 M1); `settle` gives it back or keeps it.
 */
import type { Database } from '../db/types.ts';
import { loginLimits } from './rate-limit.ts';
import type { Admission, Outcome } from './sign-in-guard.ts';

export interface DbLimits {
	windowSeconds: number;
	pair: number;
	address: number;
	/** 0: no limit per username over all addresses. */
	username: number;
	knownDays: number;
}

export const signInDbLimits: DbLimits = {
	windowSeconds: loginLimits.pair.windowMs / 1000,
	pair: loginLimits.pair.limit,
	address: loginLimits.address.limit,
	username: loginLimits.username.limit,
	knownDays: 30
};

/**
 * Enrollment codes (docs/accounts.md): 5 wrong codes per address in 15 min, and the address's
 * 100 shares the sign-in key space of that address. No city-wide limit: a stranger's wrong codes
 * must never stop HQ's terminals from enrolling.
 */
export const enrollDbLimits: DbLimits = { ...signInDbLimits, username: 0 };
/** The "username" enrollment attempts are counted under (not a valid username). */
export const enrollKey = '#enroll';

export interface AsyncGuard {
	admit(username: string, address: string): Promise<Admission>;
}

export interface AdmitAnswer {
	ok: boolean;
	ticket?: string | number;
	retry_after?: number;
}

/**
 * Where `signin_admit` / `signin_settle` run: our database as the platform (databaseLimits), or
 * in Supabase mode the project's database with the service role (supabase-admin/enroll.ts).
 */
export interface LimitStore {
	admit(username: string, address: string, limits: Record<string, number>): Promise<AdmitAnswer>;
	settle(ticket: string, outcome: Outcome): Promise<void>;
}

export function databaseLimits(db: Database): LimitStore {
	return {
		async admit(username, address, limits) {
			const result = await db.asService((tx) =>
				tx.query<{ r: AdmitAnswer }>('select public.signin_admit($1, $2, $3::jsonb) as r', [
					username,
					address,
					JSON.stringify(limits)
				])
			);
			return result.rows[0].r;
		},
		async settle(ticket, outcome) {
			await db.asService((tx) => tx.query('select public.signin_settle($1, $2)', [ticket, outcome]));
		}
	};
}

export class DbSignInGuard implements AsyncGuard {
	readonly #store: LimitStore;
	readonly #limits: DbLimits;

	constructor(store: Database | LimitStore, limits: DbLimits = signInDbLimits) {
		this.#store = 'asService' in store ? databaseLimits(store) : store;
		this.#limits = limits;
	}

	async admit(username: string, address: string): Promise<Admission> {
		const limits = {
			window_s: this.#limits.windowSeconds,
			pair: this.#limits.pair,
			address: this.#limits.address,
			username: this.#limits.username,
			known_days: this.#limits.knownDays
		};
		const answer = await this.#store.admit(username.slice(0, 64), address.slice(0, 64), limits);
		if (!answer.ok) return { ok: false, retryAfter: answer.retry_after ?? 1 };
		const ticketId = String(answer.ticket);
		let settled = false;
		return {
			ok: true,
			ticket: {
				settle: async (outcome: Outcome) => {
					if (settled) return;
					settled = true;
					if (outcome === 'wrong') return;
					await this.#store.settle(ticketId, outcome);
				}
			}
		};
	}
}
