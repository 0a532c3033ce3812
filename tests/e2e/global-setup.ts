/**
 * Builds the app once (`npm run build`, which also builds data and tiles) and starts the real
 * production server for the e2e project. Set BOSAI_E2E_SKIP_BUILD=1 to reuse an existing build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createTestAccounts, type TestAccounts } from '../support/api.ts';
import { ensureBuild } from '../support/build.ts';
import { sharedServerEnv, startServer, tempDataDir, type RunningServer } from '../support/server.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
		dataDir: string;
		/** Made with the users CLI before the server starts: one HQ, staff of two real shelters. */
		accounts: TestAccounts;
		/** The server's JWT signing secret, for tests that forge or inspect tokens. */
		jwtSecret: string;
		/** PostgreSQL mode only (project e2e-postgres): the database every server of the run shares. */
		databaseUrl?: string;
	}
}

let server: RunningServer | undefined;

export async function setup(project: TestProject) {
	await ensureBuild();
	// The users CLI opens the data dir itself (PGlite is single-process), so it runs first.
	const dataDir = tempDataDir();
	const accounts = createTestAccounts(dataDir);
	server = await startServer({ dataDir, env: sharedServerEnv });
	project.provide('accounts', accounts);
	project.provide('baseURL', server.url);
	project.provide('dataDir', server.dataDir);
	project.provide('jwtSecret', readFileSync(join(dataDir, 'jwt-secret'), 'utf8').trim());
}

export async function teardown() {
	await server?.stop();
}
