/**
 * When a resident's screen refreshes the shelter snapshot: on focus, when the page becomes
 * visible, when the network comes back, and every minute while visible (DESIGN.md "Residents at
 * scale": a cheap ETag fetch instead of one socket per phone). One load at a time.
 */
export interface RefreshOptions {
	load: () => Promise<void>;
	/** Where focus/visibilitychange/online fire (window and document in the browser). */
	targets: EventTarget[];
	isVisible: () => boolean;
	intervalMs?: number;
	timers?: {
		setInterval: (fn: () => void, ms: number) => unknown;
		clearInterval: (handle: unknown) => void;
	};
}

export const refreshIntervalMs = 60_000;

export function startRefresh(options: RefreshOptions): () => void {
	const { load, targets, isVisible, intervalMs = refreshIntervalMs } = options;
	const timers = options.timers ?? {
		setInterval: (fn: () => void, ms: number) => globalThis.setInterval(fn, ms),
		clearInterval: (handle: unknown) => globalThis.clearInterval(handle as ReturnType<typeof setInterval>)
	};
	let running: Promise<void> | null = null;

	const run = () => {
		if (running) return;
		running = load()
			.catch(() => {
				// Offline or server trouble: the screen keeps showing the cached data with its age.
			})
			.finally(() => (running = null));
	};
	const onEvent = (event: Event) => {
		if (event.type === 'visibilitychange' && !isVisible()) return;
		run();
	};
	const events = ['focus', 'visibilitychange', 'online'];
	for (const target of targets) for (const type of events) target.addEventListener(type, onEvent);
	const handle = timers.setInterval(() => {
		if (isVisible()) run();
	}, intervalMs);
	run();

	return () => {
		timers.clearInterval(handle);
		for (const target of targets) for (const type of events) target.removeEventListener(type, onEvent);
	};
}
