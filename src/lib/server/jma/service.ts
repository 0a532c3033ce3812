/**
 * Starts the JMA ingest inside the server (hooks.server.ts init, never under `vite build`):
 * the feed poller when BOSAI_JMA_FEED is set, the drop folder when BOSAI_JMA_DROP_DIR is.
 * Unset means off; the HQ screen then says so (jmaConfigured()).
 */
import type { Database } from '../db/types.ts';
import { watchDropDir } from './drop-dir.ts';
import { JmaPoller, type JmaLogEntry } from './poller.ts';

let started = false;

export function jmaConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
	return Boolean(env.BOSAI_JMA_FEED || env.BOSAI_JMA_DROP_DIR);
}

export function startJma(db: Database, env: NodeJS.ProcessEnv = process.env): void {
	if (started) return;
	started = true;
	const log = (entry: JmaLogEntry) => console[entry.level](JSON.stringify({ jma: entry }));
	const stops: (() => unknown)[] = [];
	if (env.BOSAI_JMA_FEED) {
		const interval = Number(env.BOSAI_JMA_INTERVAL_MS ?? '60000');
		const poller = new JmaPoller({
			db,
			baseUrl: env.BOSAI_JMA_FEED,
			intervalMs: Number.isFinite(interval) && interval >= 1000 ? interval : 60_000,
			log
		});
		poller.start();
		stops.push(() => poller.stop());
	}
	if (env.BOSAI_JMA_DROP_DIR) stops.push(watchDropDir(db, env.BOSAI_JMA_DROP_DIR, log));
	for (const signal of ['SIGTERM', 'SIGINT'] as const)
		process.once(signal, () => stops.forEach((stop) => stop()));
}
