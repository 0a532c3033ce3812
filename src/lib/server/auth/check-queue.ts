/**
 * A bound on password checks (issue 18, H1). scrypt (N=2^15: ≈ 170 ms and 32 MiB each) runs on
 * libuv's 4-thread pool; unbounded, a burst of wrong sign-ins filled both cores and the pool, and
 * every signed-in request waited behind the hashes. Here at most `concurrency` checks run (the
 * account lookup and the hash), at most `maxWaiting` wait, and one client address holds at most
 * `perAddress` of those places. Past that an attempt is refused at once, before any lookup or
 * hash: 503 when the queue is full, 429 when that address has its share (both with Retry-After).
 * On a 2-core server concurrency 1 leaves a core to everything else. Under a sustained flood the
 * one running check would still hold its core at 100 %, and the attacker's own load takes the
 * rest: so while others wait, a finished check's slot rests `restRatio` × its own duration before
 * the next one starts (default 1: at most half a core for hashing). A lone sign-in never waits.
 */
import { ApiError } from '../http.ts';

export interface CheckQueueOptions {
	concurrency: number;
	maxWaiting: number;
	perAddress: number;
	/** Rest after a check, as a multiple of its duration, before a waiting check starts (0–4). */
	restRatio?: number;
}

/**
 * BOSAI_PASSWORD_CHECKS (1–16) checks at once; the queue is 16 per running check.
 * BOSAI_PASSWORD_REST (0–4, default 1): the rest ratio under a queue.
 */
export function checkQueueOptionsFromEnv(env = process.env): CheckQueueOptions {
	const value = Number(env.BOSAI_PASSWORD_CHECKS);
	const concurrency = Number.isInteger(value) && value >= 1 && value <= 16 ? value : 1;
	const rest = env.BOSAI_PASSWORD_REST === undefined ? 1 : Number(env.BOSAI_PASSWORD_REST);
	const restRatio = Number.isFinite(rest) && rest >= 0 && rest <= 4 ? rest : 1;
	return { concurrency, maxWaiting: 16 * concurrency, perAddress: 4, restRatio };
}

export class CheckQueueRefusal extends ApiError {
	constructor(status: 429 | 503, retryAfter: number) {
		const message =
			status === 503
				? `Too many sign-ins at once; try again in ${retryAfter} s`
				: `Too many sign-ins from this address at once; try again in ${retryAfter} s`;
		super(status, status === 503 ? 'sign_in_busy' : 'too_many_attempts', message, {
			'retry-after': String(retryAfter)
		});
	}
}

export type Place =
	{ ok: true; run<T>(task: () => Promise<T>): Promise<T> } | { ok: false; refusal: CheckQueueRefusal };

export class PasswordCheckQueue {
	readonly #options: CheckQueueOptions;
	#running = 0;
	readonly #waiting: (() => void)[] = [];
	readonly #perAddress = new Map<string, number>();
	/** Moving average of one check, for Retry-After. */
	#averageMs = 200;
	/** Checks that started, for tests and figures. */
	started = 0;

	constructor(options: CheckQueueOptions = checkQueueOptionsFromEnv()) {
		this.#options = options;
	}

	get size(): { running: number; waiting: number } {
		return { running: this.#running, waiting: this.#waiting.length };
	}

	/** Seconds until the places taken now are likely free again. */
	#retryAfter(): number {
		const ahead = this.#running + this.#waiting.length;
		const perCheck = this.#averageMs * (1 + (this.#options.restRatio ?? 1));
		return Math.max(1, Math.ceil((ahead * perCheck) / this.#options.concurrency / 1000));
	}

	/** Takes a place for `address` now, or says why not; synchronous, so the caller can settle at once. */
	enter(address: string): Place {
		const held = this.#perAddress.get(address) ?? 0;
		if (held >= this.#options.perAddress) {
			return { ok: false, refusal: new CheckQueueRefusal(429, this.#retryAfter()) };
		}
		const free = this.#running < this.#options.concurrency;
		if (!free && this.#waiting.length >= this.#options.maxWaiting) {
			return { ok: false, refusal: new CheckQueueRefusal(503, this.#retryAfter()) };
		}
		this.#perAddress.set(address, held + 1);
		let turn: Promise<void>;
		if (free) {
			this.#running++;
			turn = Promise.resolve();
		} else {
			// The slot passes straight from a finished check to the next waiter (see #leave).
			turn = new Promise<void>((resolve) => this.#waiting.push(resolve));
		}
		return {
			ok: true,
			run: async <T>(task: () => Promise<T>): Promise<T> => {
				await turn;
				const start = performance.now();
				this.started++;
				try {
					return await task();
				} finally {
					const tookMs = performance.now() - start;
					this.#averageMs = 0.8 * this.#averageMs + 0.2 * tookMs;
					this.#leave(address, tookMs);
				}
			}
		};
	}

	#leave(address: string, tookMs: number): void {
		const held = (this.#perAddress.get(address) ?? 1) - 1;
		if (held > 0) this.#perAddress.set(address, held);
		else this.#perAddress.delete(address);
		const restMs = tookMs * (this.#options.restRatio ?? 1);
		if (this.#waiting.length && restMs >= 1) setTimeout(() => this.#handOver(), restMs);
		else this.#handOver();
	}

	/** The slot passes to the next waiter, or is freed; a rest keeps it taken until then. */
	#handOver(): void {
		const next = this.#waiting.shift();
		if (next) next();
		else this.#running--;
	}
}
