/**
 * The sign-in limit policy (docs/security.md "Sign-in limits"), over three failure limiters:
 *   - (username, address): 5 failures → that address waits for that username;
 *   - address: 100 failures over all usernames → that address waits;
 *   - username: 100 failures over all addresses → the account waits, except from its known
 *     addresses (where it signed in successfully in the last 30 days).
 * Known addresses are exempt from the two wide limits, so a stranger elsewhere (or a guesser on a
 * shared shelter Wi-Fi spraying usernames) can never lock HQ or staff out of the terminals they
 * use; only the narrow (username, address) limit applies there (issue 18, M2).
 *
 * `admit` checks and records the attempt on every key in one synchronous step (no await between),
 * so concurrent guesses can never all pass while the first ones hash (M1). The caller settles the
 * ticket: 'wrong' keeps the failure, 'right' gives it back (and clears the pair), 'unchecked'
 * (the password-check queue refused it: nothing was learnt) gives it back.
 */
import { FailureLimiter, loginLimits, type LimiterOptions } from './rate-limit.ts';

export interface SignInPolicy {
	pair: LimiterOptions;
	address: LimiterOptions;
	username: LimiterOptions;
	/** How long a successful sign-in makes its address known for the account. */
	knownForMs?: number;
	/** Bounds of the known-address table. */
	knownPerAccount?: number;
	knownAccounts?: number;
}

export type Outcome = 'wrong' | 'right' | 'unchecked';

export interface Ticket {
	settle(outcome: Outcome): void | Promise<void>;
}

export type Admission = { ok: true; ticket: Ticket } | { ok: false; retryAfter: number };

/** A guard: this in-memory one (tests), or the database's (db-guard.ts, the server's). */
export interface Guard {
	admit(username: string, address: string): Admission | Promise<Admission>;
}

const day = 86_400_000;

export class SignInGuard {
	readonly #pair: FailureLimiter;
	readonly #address: FailureLimiter;
	readonly #username: FailureLimiter;
	/** username → (address → last successful sign-in, ms); Map order = least recent first. */
	readonly #known = new Map<string, Map<string, number>>();
	readonly #knownForMs: number;
	readonly #knownPerAccount: number;
	readonly #knownAccounts: number;

	constructor(policy: SignInPolicy = loginLimits) {
		this.#pair = new FailureLimiter(policy.pair);
		this.#address = new FailureLimiter(policy.address);
		this.#username = new FailureLimiter(policy.username);
		this.#knownForMs = policy.knownForMs ?? 30 * day;
		this.#knownPerAccount = policy.knownPerAccount ?? 32;
		this.#knownAccounts = policy.knownAccounts ?? 10_000;
	}

	isKnown(username: string, address: string, now = Date.now()): boolean {
		const at = this.#known.get(username)?.get(address);
		return at !== undefined && now - at < this.#knownForMs;
	}

	admit(username: string, address: string, now = Date.now()): Admission {
		const pairKey = `${username}\n${address}`;
		const known = this.isKnown(username, address, now);
		const wait = Math.max(
			this.#pair.retryAfter(pairKey, now),
			known ? 0 : this.#address.retryAfter(address, now),
			known ? 0 : this.#username.retryAfter(username, now)
		);
		if (wait > 0) return { ok: false, retryAfter: wait };
		// Known addresses' failures count too: they still bound what that address may do elsewhere.
		this.#pair.record(pairKey, now);
		this.#address.record(address, now);
		this.#username.record(username, now);
		let settled = false;
		const ticket: Ticket = {
			settle: (outcome) => {
				if (settled || outcome === 'wrong') return void (settled = true);
				settled = true;
				if (outcome === 'right') {
					this.#pair.reset(pairKey);
					this.#remember(username, address, now);
				} else this.#pair.release(pairKey, now);
				this.#address.release(address, now);
				this.#username.release(username, now);
			}
		};
		return { ok: true, ticket };
	}

	#remember(username: string, address: string, now: number): void {
		const addresses = this.#known.get(username) ?? new Map<string, number>();
		this.#known.delete(username);
		this.#known.set(username, addresses);
		addresses.delete(address);
		addresses.set(address, now);
		while (addresses.size > this.#knownPerAccount) addresses.delete(addresses.keys().next().value!);
		while (this.#known.size > this.#knownAccounts) this.#known.delete(this.#known.keys().next().value!);
	}
}
