/**
 * Which database the server (and the users CLI) opens: a PostgreSQL server when DATABASE_URL is
 * set (any number of app servers may share it), else the embedded PGlite in BOSAI_DATA_DIR (one
 * process at a time, guarded by the data-dir lock).
 */
import { resolve } from 'node:path';

export type DatabaseMode =
	{ driver: 'pglite'; dataDir: string } | { driver: 'postgres'; connectionString: string };

export class DatabaseConfigError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'DatabaseConfigError';
	}
}

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
	return resolve(env.BOSAI_DATA_DIR || '.bosai-data');
}

export function databaseMode(env: NodeJS.ProcessEnv = process.env): DatabaseMode {
	const url = env.DATABASE_URL?.trim();
	if (!url) return { driver: 'pglite', dataDir: dataDir(env) };
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw new DatabaseConfigError('DATABASE_URL is not a URL (expected postgres://user@host:port/database)');
	}
	if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
		throw new DatabaseConfigError(
			`DATABASE_URL must start with postgres:// or postgresql://, not ${parsed.protocol}//`
		);
	}
	if (!parsed.pathname || parsed.pathname === '/') {
		throw new DatabaseConfigError('DATABASE_URL names no database (…/database_name)');
	}
	return { driver: 'postgres', connectionString: url };
}
