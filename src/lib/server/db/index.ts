/**
 * The server's database: `getDatabase()` opens the PostgreSQL server of DATABASE_URL, else the
 * embedded PGlite at BOSAI_DATA_DIR (default `.bosai-data/`); applies the shim (where the database
 * lacks Supabase's own schemas) and migrations, seeds the shelters, and closes cleanly on
 * SIGTERM/SIGINT. `openDatabase()` opens either driver for tests and the users CLI.
 */
import { databaseMode } from './mode.ts';
import { applyMigrations, pruneRealtime } from './setup.ts';
import { seedShelters } from './seed.ts';
import type { Database } from './types.ts';

export type { Claims, Database, QueryResult, RealtimeMessage, Tx } from './types.ts';
export { applyMigrations, pruneRealtime } from './setup.ts';
export { seedShelters, upsertShelters } from './seed.ts';

export type OpenOptions =
	| { driver: 'pglite'; dataDir: string; migrate?: boolean; seed?: boolean }
	| { driver: 'postgres'; connectionString: string; migrate?: boolean; seed?: boolean };

/** Opens a database and (by default) applies the migrations; seeding is opt-in. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
	const db =
		options.driver === 'pglite'
			? await (await import('./pglite.ts')).openPglite(options.dataDir)
			: await (await import('./postgres.ts')).openPostgres(options.connectionString);
	try {
		if (options.migrate !== false) await applyMigrations(db);
		if (options.seed) await seedShelters(db);
	} catch (error) {
		await db.close();
		throw error;
	}
	return db;
}

export { dataDir, databaseMode, DatabaseConfigError, type DatabaseMode } from './mode.ts';

let instance: Promise<Database> | null = null;

/** The process-wide database (DATABASE_URL's server, else embedded PGlite), opened on first use. */
export function getDatabase(): Promise<Database> {
	instance ??= openDatabase({ ...databaseMode(), seed: true }).then(
		async (db) => {
			closeOnSignals(db);
			await pruneRealtime(db);
			return db;
		},
		(error: unknown) => {
			// Let the next caller try again instead of caching the failure forever.
			instance = null;
			throw error;
		}
	);
	return instance;
}

/**
 * PGlite keeps the process alive until it is closed. On SIGTERM/SIGINT the database closes after
 * the transactions already queued (so no acknowledged work is cut off); adapter-node meanwhile
 * drains HTTP and the process ends by itself. Where nothing else ends it (vite dev, scripts), an
 * unref'd timer exits shortly after.
 */
function closeOnSignals(db: Database): void {
	let closing: Promise<void> | null = null;
	const close = () =>
		(closing ??= db.close().catch((error: unknown) => {
			console.error('closing the database failed:', error);
		}));
	const onSignal = (signal: NodeJS.Signals) => {
		void close().then(() => {
			setTimeout(() => process.exit(signal === 'SIGINT' ? 130 : 143), 2000).unref();
		});
	};
	process.once('SIGTERM', onSignal);
	process.once('SIGINT', onSignal);
	process.once('sveltekit:shutdown', () => void close());
}
