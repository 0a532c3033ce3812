/**
 * Reads GET /api/live with fetch() instead of EventSource, because EventSource cannot send the
 * Authorization header (and tokens in URLs end up in logs). Reconnects with exponential backoff
 * and jitter, sending Last-Event-ID so the server replays what was missed. A 4xx answer (not
 * allowed, bad topic, expired session) is final: the state becomes 'closed' and `onError` says why.
 * A server that is full (429 too many streams from this address, 503 busy) is retried, never
 * sooner than its Retry-After. When the server cannot replay what was missed it sends one
 * `resync` event (topic null, port.ts `isResync`): the subscriber refetches its snapshot.
 */
import { backendErrorOf } from './http-error.ts';
import { resyncEvent, type BackendError, type LiveEvent, type LiveState, type Topic } from './port.ts';
import { SseParser } from './sse-parser.ts';

export interface LiveReaderOptions {
	url: string;
	topics: Topic[];
	headers?: () => Record<string, string>;
	fetch?: typeof fetch;
	onEvent: (event: LiveEvent) => void;
	onState?: (state: LiveState) => void;
	onError?: (error: BackendError) => void;
	/** Resume after this id (e.g. persisted from a previous page). */
	lastEventId?: string | null;
	minDelayMs?: number;
	maxDelayMs?: number;
}

export function readLive(options: LiveReaderOptions): () => void {
	const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
	const minDelay = options.minDelayMs ?? 500;
	const maxDelay = options.maxDelayMs ?? 30_000;
	const controller = new AbortController();
	let lastEventId = options.lastEventId ?? null;
	let stopped = false;
	let state: LiveState | null = null;
	const setState = (next: LiveState) => {
		if (state === next) return;
		state = next;
		options.onState?.(next);
	};

	/** Milliseconds the server asked us to wait before the next try (Retry-After), or 0. */
	let retryAfterMs = 0;

	const once = async (): Promise<'retry' | 'final'> => {
		const url = `${options.url}${options.url.includes('?') ? '&' : '?'}topics=${encodeURIComponent(options.topics.join(','))}`;
		const headers: Record<string, string> = { accept: 'text/event-stream', ...options.headers?.() };
		if (lastEventId !== null) headers['last-event-id'] = lastEventId;
		const response = await doFetch(url, { headers, signal: controller.signal, cache: 'no-store' });
		if (response.status >= 400 && response.status < 500 && response.status !== 429) {
			options.onError?.(await backendErrorOf(response));
			return 'final';
		}
		if (!response.ok || !response.body) {
			retryAfterMs = retryAfterOf(response.headers.get('retry-after'));
			await response.body?.cancel().catch(() => undefined);
			return 'retry';
		}
		setState('live');
		const parser = new SseParser();
		const decoder = new TextDecoder();
		const reader = response.body.getReader();
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return 'retry';
			for (const frame of parser.push(decoder.decode(value, { stream: true }))) {
				if (frame.id !== null) lastEventId = frame.id;
				let parsed: { topic?: Topic; payload?: unknown };
				try {
					parsed = JSON.parse(frame.data) as typeof parsed;
				} catch {
					continue;
				}
				options.onEvent({
					id: frame.id ?? '',
					// Only `resync` has no topic; anything else without one is not ours to pass on.
					topic: frame.event === resyncEvent ? null : (parsed.topic as Topic),
					event: frame.event,
					payload: parsed.payload
				});
			}
			// An id-only frame (no data) still moves the resume point.
			if (parser.lastEventId !== null) lastEventId = parser.lastEventId;
		}
	};

	void (async () => {
		let delay = minDelay;
		setState('connecting');
		while (!stopped) {
			const started = Date.now();
			const outcome = await once().catch(() => 'retry' as const);
			if (stopped || outcome === 'final') break;
			setState('reconnecting');
			// A connection that lasted a while resets the backoff.
			if (Date.now() - started > 10_000) delay = minDelay;
			// Jitter spreads a crowd of clients refused at once over the wait.
			const wait = Math.max(delay / 2, retryAfterMs) + Math.random() * (delay / 2);
			retryAfterMs = 0;
			delay = Math.min(maxDelay, delay * 2);
			await new Promise((resolve) => setTimeout(resolve, wait));
		}
		setState('closed');
	})();

	return () => {
		stopped = true;
		controller.abort();
	};
}

/** Longest Retry-After honoured: a wrong header must not silence a client for hours. */
const maxRetryAfterMs = 5 * 60_000;

/** Retry-After in delay-seconds (RFC 9110 § 10.2.3) or an HTTP date, as milliseconds from now. */
export function retryAfterOf(header: string | null, now = Date.now()): number {
	if (!header) return 0;
	const ms = /^\d+$/.test(header.trim()) ? Number(header.trim()) * 1000 : Date.parse(header) - now;
	return Number.isFinite(ms) ? Math.min(maxRetryAfterMs, Math.max(0, ms)) : 0;
}
