/**
 * Failed-login limiter: at most `limit` failures per key within `windowMs`; past that, every attempt
 * for the key is refused (429 + Retry-After) until the oldest failure leaves the window.
 * In memory, per process: embedded mode runs one server process, and a restart forgets the
 * counters (acceptable: it costs an attacker a restart they cannot cause).
 */
export interface LimiterOptions {
	limit: number;
	windowMs: number;
	/** Bound on tracked keys, so a flood of distinct usernames cannot grow memory without limit. */
	maxKeys?: number;
}

export class FailureLimiter {
	readonly #failures = new Map<string, number[]>();
	readonly #limit: number;
	readonly #windowMs: number;
	readonly #maxKeys: number;

	constructor(options: LimiterOptions) {
		this.#limit = options.limit;
		this.#windowMs = options.windowMs;
		this.#maxKeys = options.maxKeys ?? 10_000;
	}

	#recent(key: string, now: number): number[] {
		const times = (this.#failures.get(key) ?? []).filter((t) => now - t < this.#windowMs);
		if (times.length) this.#failures.set(key, times);
		else this.#failures.delete(key);
		return times;
	}

	/** Seconds until `key` may try again, or 0 when it may try now. */
	retryAfter(key: string, now = Date.now()): number {
		const times = this.#recent(key, now);
		if (times.length < this.#limit) return 0;
		const oldestThatCounts = times[times.length - this.#limit];
		return Math.max(1, Math.ceil((oldestThatCounts + this.#windowMs - now) / 1000));
	}

	fail(key: string, now = Date.now()): void {
		const times = this.#recent(key, now);
		times.push(now);
		this.#failures.delete(key); // re-insert: Map order is then least-recently-failed first
		this.#failures.set(key, times.slice(-this.#limit));
		while (this.#failures.size > this.#maxKeys) {
			const oldest = this.#failures.keys().next().value;
			if (oldest === undefined) break;
			this.#failures.delete(oldest);
		}
	}

	/**
	 * Counts an attempt as a failure now, before it is checked: `retryAfter` and `record` run in
	 * one synchronous step (sign-in-guard.ts), so concurrent attempts can never all pass the check
	 * while the first ones are still hashing (issue 18, M1). Give it back with `release`.
	 */
	record(key: string, now = Date.now()): void {
		this.fail(key, now);
	}

	/** Takes back one attempt recorded at `time` (it was right, or never checked). */
	release(key: string, time: number): void {
		const times = this.#failures.get(key);
		if (!times) return;
		const at = times.lastIndexOf(time);
		if (at !== -1) times.splice(at, 1);
		if (!times.length) this.#failures.delete(key);
	}

	reset(key: string): void {
		this.#failures.delete(key);
	}
}

/**
 * Sign-in limits in 15 minutes (docs/security.md "Sign-in limits"): 5 failures per username from
 * one address; 100 per address over all usernames and 100 per username over all addresses — those
 * two never refuse an address the account signed in from before (sign-in-guard.ts). Generous per
 * address because a city office may put many terminals behind one address.
 */
export const loginLimits = {
	pair: { limit: 5, windowMs: 15 * 60_000, maxKeys: 20_000 },
	address: { limit: 100, windowMs: 15 * 60_000 },
	username: { limit: 100, windowMs: 15 * 60_000 }
} as const;
