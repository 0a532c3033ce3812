/**
 * The server's process-wide parts, started once (hooks.server.ts `init`): the data-dir lock, the
 * embedded database, the JWT secret, the live hub fed by `onRealtime` (its replay ring loaded and
 * its stream caps read from the environment), and the login limiters.
 */
import { getDatabase, dataDir } from '../db/index.ts';
import type { Database } from '../db/types.ts';
import { FailureLimiter, loginLimits } from '../auth/rate-limit.ts';
import { loadJwtSecret } from '../auth/secret.ts';
import { LiveHub } from '../live/hub.ts';
import { liveHubOptionsFromEnv } from '../live/limits-env.ts';
import { lockDataDir } from './data-dir-lock.ts';

export interface Runtime {
	dataDir: string;
	db: Database;
	hub: LiveHub;
	secret: Uint8Array;
	limiters: { username: FailureLimiter; address: FailureLimiter };
}

let started: Promise<Runtime> | undefined;

async function start(): Promise<Runtime> {
	const dir = dataDir();
	const release = lockDataDir(dir, 'the bosai-map server');
	try {
		const secret = loadJwtSecret(dir);
		const db = await getDatabase();
		const hub = new LiveHub(0, undefined, liveHubOptionsFromEnv());
		// The head and the public replay ring (hidden shelters too), before any message arrives.
		await hub.load(db);
		db.onRealtime((message) => hub.publish(message));
		// End live streams first on shutdown: open SSE responses would hold the HTTP server open.
		for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => hub.close());
		return {
			dataDir: dir,
			db,
			hub,
			secret,
			limiters: {
				username: new FailureLimiter(loginLimits.username),
				address: new FailureLimiter(loginLimits.address)
			}
		};
	} catch (error) {
		release();
		throw error;
	}
}

export function runtime(): Promise<Runtime> {
	started ??= start();
	return started;
}
