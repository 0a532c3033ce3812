/**
 * Delivery scheduling, pure: what a push service's or SMTP server's answer means for a delivery
 * (sent, retry when, subscription gone, address bounced, give up), retries with exponential
 * backoff and jitter, Retry-After, and a per-push-service pause so one slow or throttling service
 * is not hammered while the others go on.
 */

export type Outcome =
	| { outcome: 'sent' }
	| { outcome: 'retry'; retryAt: number; error: string; pauseServiceUntil?: number }
	| { outcome: 'gone'; error: string }
	| { outcome: 'bounced'; error: string }
	| { outcome: 'failed'; error: string };

export interface RetryPolicy {
	baseMs: number;
	maxMs: number;
	maxAttempts: number;
}

export const defaultRetryPolicy: RetryPolicy = { baseMs: 2_000, maxMs: 10 * 60_000, maxAttempts: 8 };

/** Exponential backoff with "equal jitter": half fixed, half random, so retries spread out. */
export function backoffMs(
	attempt: number,
	policy: RetryPolicy = defaultRetryPolicy,
	random = Math.random
): number {
	const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
	return Math.round(exp / 2 + (exp / 2) * random());
}

/** Retry-After (RFC 9110 §10.2.3): delta-seconds or an HTTP-date → ms from now; null if absent/bad. */
export function retryAfterMs(header: string | null | undefined, now: number): number | null {
	if (!header) return null;
	const trimmed = header.trim();
	if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
	const date = Date.parse(trimmed);
	if (Number.isNaN(date)) return null;
	return Math.max(0, date - now);
}

/** At most a day: a push service asking for more is treated as a day. */
const maxRetryAfterMs = 24 * 60 * 60_000;

function retryOrGiveUp(
	attempt: number,
	error: string,
	now: number,
	policy: RetryPolicy,
	random: () => number,
	waitMs?: number | null,
	pause = false
): Outcome {
	if (attempt >= policy.maxAttempts) return { outcome: 'failed', error: `${error} (gave up)` };
	const wait = Math.min(maxRetryAfterMs, waitMs ?? backoffMs(attempt, policy, random));
	const retryAt = now + wait;
	return pause
		? { outcome: 'retry', retryAt, error, pauseServiceUntil: retryAt }
		: { outcome: 'retry', retryAt, error };
}

/**
 * A push service's answer (RFC 8030 §5, §8): 201/2xx accepted; 404/410 the subscription is gone
 * (delete it); 429 too many (honour Retry-After, pause that service); 5xx and network errors
 * (status 0) retry with backoff; 413 and other 4xx are our fault and would fail again.
 */
export function classifyPush(
	status: number,
	retryAfter: string | null,
	attempt: number,
	now: number,
	policy: RetryPolicy = defaultRetryPolicy,
	random = Math.random
): Outcome {
	if (status >= 200 && status < 300) return { outcome: 'sent' };
	if (status === 404 || status === 410) return { outcome: 'gone', error: `push service: ${status}` };
	if (status === 429) {
		return retryOrGiveUp(
			attempt,
			'push service: 429',
			now,
			policy,
			random,
			retryAfterMs(retryAfter, now),
			true
		);
	}
	if (status === 0 || status >= 500) {
		const label = status === 0 ? 'push service unreachable' : `push service: ${status}`;
		return retryOrGiveUp(attempt, label, now, policy, random, retryAfterMs(retryAfter, now), status !== 0);
	}
	return { outcome: 'failed', error: `push service: ${status}` };
}

/** An SMTP failure: 5xx from the server is permanent (mark the address bounced); else retry. */
export function classifySmtp(
	error: { responseCode?: number; code?: string; message?: string },
	attempt: number,
	now: number,
	policy: RetryPolicy = defaultRetryPolicy,
	random = Math.random
): Outcome {
	const code = error.responseCode;
	if (typeof code === 'number' && code >= 500 && code < 600) {
		return { outcome: 'bounced', error: `smtp: ${code}` };
	}
	const label = typeof code === 'number' ? `smtp: ${code}` : `smtp: ${error.code ?? 'connection failed'}`;
	return retryOrGiveUp(attempt, label, now, policy, random);
}

/** Push services paused until a time (429 / 5xx), by origin. */
export class ServiceGate {
	readonly #until = new Map<string, number>();

	pause(service: string, until: number): void {
		this.#until.set(service, Math.max(until, this.#until.get(service) ?? 0));
	}

	/** The time `service` may be used again, or null when it may be used now. */
	pausedUntil(service: string, now: number): number | null {
		const until = this.#until.get(service);
		if (until === undefined) return null;
		if (until <= now) {
			this.#until.delete(service);
			return null;
		}
		return until;
	}
}

/**
 * Push services we post to. An endpoint is whatever a browser handed the page, so the worker
 * posts only to the browsers' push services (not to arbitrary hosts: no SSRF through a crafted
 * subscription). `extra` adds hosts (BOSAI_PUSH_HOSTS), e.g. a loopback test service.
 */
export const knownPushHosts = [
	'fcm.googleapis.com',
	'updates.push.services.mozilla.com',
	'push.services.mozilla.com',
	'.notify.windows.com',
	'.push.apple.com'
];

export function pushHostAllowed(endpoint: string, extra: readonly string[] = []): boolean {
	let host: string;
	try {
		const url = new URL(endpoint);
		if (url.protocol !== 'https:') return false;
		host = url.hostname.toLowerCase();
	} catch {
		return false;
	}
	return [...knownPushHosts, ...extra].some((pattern) =>
		pattern.startsWith('.') ? host.endsWith(pattern) : host === pattern.toLowerCase()
	);
}

/** Runs `task` over `items` with at most `limit` at a time; resolves when all are done. */
export async function runPool<T>(
	items: readonly T[],
	limit: number,
	task: (item: T) => Promise<void>
): Promise<void> {
	let next = 0;
	const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
		while (next < items.length) {
			const item = items[next++];
			await task(item);
		}
	});
	await Promise.all(lanes);
}
