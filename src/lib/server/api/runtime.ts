/**
 * The server's process-wide parts, started once (hooks.server.ts `init`): the data-dir lock
 * (embedded PGlite only), the database, the JWT secret, the live hub fed by `onRealtime` (its
 * replay ring loaded and its stream caps read from the environment), and the sign-in guard and
 * password-check queue.
 */
import { dataDir, databaseMode, getDatabase } from '../db/index.ts';
import type { Database } from '../db/types.ts';
import { PasswordCheckQueue } from '../auth/check-queue.ts';
import { DbSignInGuard, enrollDbLimits } from '../auth/db-guard.ts';
import type { Guard } from '../auth/sign-in-guard.ts';
import { Tarpit } from '../auth/tarpit.ts';
import { loadJwtSecret, sharedJwtSecret } from '../auth/secret.ts';
import { LiveHub } from '../live/hub.ts';
import { startUsersService } from '../auth/users-service.ts';
import { startBackupService } from '../db/backup-service.ts';
import { watchSessions } from '../live/session-watch.ts';
import { liveHubOptionsFromEnv } from '../live/limits-env.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { applyReportRate, reportRateFromEnv } from './report-rate.ts';

export interface Runtime {
	dataDir: string;
	db: Database;
	hub: LiveHub;
	secret: Uint8Array;
	/** Sign-in attempt limits, kept in the database (db-guard.ts). */
	guard: Guard;
	/** Enrollment-code attempt limits, in the database too. */
	enrollGuard: Guard;
	checks: PasswordCheckQueue;
	tarpit: Tarpit;
}

let started: Promise<Runtime> | undefined;

async function start(): Promise<Runtime> {
	const mode = databaseMode();
	// PostgreSQL mode keeps nothing of the database here; the dir still holds local files (demo list).
	const dir = mode.driver === 'pglite' ? mode.dataDir : dataDir();
	// Several app servers share one PostgreSQL database: no data dir, and one secret for all of them.
	const release = mode.driver === 'pglite' ? lockDataDir(dir, 'the bosai-map server') : () => {};
	try {
		const secret = mode.driver === 'pglite' ? loadJwtSecret(dir) : sharedJwtSecret();
		const rate = reportRateFromEnv();
		const db = await getDatabase();
		await applyReportRate(db, rate);
		const hub = new LiveHub(0, undefined, liveHubOptionsFromEnv());
		// The head and the public replay ring (hidden shelters too), before any message arrives.
		await hub.load(db);
		db.onRealtime((message) => hub.publish(message));
		// Streams of disabled or reset accounts end within seconds, on every app server.
		watchSessions(hub, db);
		// `npm run backup` asks the process that holds PGlite (PostgreSQL mode uses pg_dump instead).
		// `npm run users` too, through the same signal (users-service.ts): installed first, so the
		// backup service's ready file means both handlers are in place.
		if (mode.driver === 'pglite') {
			startUsersService(db, dir);
			startBackupService(db, dir);
		}
		// End live streams first on shutdown: open SSE responses would hold the HTTP server open.
		for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => hub.close());
		return {
			dataDir: dir,
			db,
			hub,
			secret,
			guard: new DbSignInGuard(db),
			enrollGuard: new DbSignInGuard(db, enrollDbLimits),
			checks: new PasswordCheckQueue(),
			tarpit: new Tarpit()
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
