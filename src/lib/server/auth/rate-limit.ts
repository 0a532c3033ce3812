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

	reset(key: string): void {
		this.#failures.delete(key);
	}
}

/**
 * Login limits in 15 minutes: 5 failures per username, 100 per client address (generous because a
 * city office may put many terminals behind one address).
 */
export const loginLimits = {
	username: { limit: 5, windowMs: 15 * 60_000 },
	address: { limit: 100, windowMs: 15 * 60_000 }
} as const;
