/**
 * Reads GET /api/live with fetch() instead of EventSource, because EventSource cannot send the
 * Authorization header (and tokens in URLs end up in logs). Reconnects with exponential backoff
 * and jitter, sending Last-Event-ID so the server replays what was missed. A 4xx answer (not
 * allowed, bad topic, expired session) is final: the state becomes 'closed' and `onError` says why.
 */
import { backendErrorOf } from './http-error.ts';
import type { BackendError, LiveEvent, LiveState, Topic } from './port.ts';
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

	const once = async (): Promise<'retry' | 'final'> => {
		const url = `${options.url}${options.url.includes('?') ? '&' : '?'}topics=${encodeURIComponent(options.topics.join(','))}`;
		const headers: Record<string, string> = { accept: 'text/event-stream', ...options.headers?.() };
		if (lastEventId !== null) headers['last-event-id'] = lastEventId;
		const response = await doFetch(url, { headers, signal: controller.signal, cache: 'no-store' });
		if (response.status >= 400 && response.status < 500 && response.status !== 429) {
			options.onError?.(await backendErrorOf(response));
			return 'final';
		}
		if (!response.ok || !response.body) return 'retry';
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
					topic: parsed.topic as Topic,
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
			const wait = delay / 2 + Math.random() * (delay / 2);
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
