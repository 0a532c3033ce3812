/**
 * Builds the app once (`npm run build`, which also builds data and tiles) and starts the real
 * production server for the e2e project. Set BOSAI_E2E_SKIP_BUILD=1 to reuse an existing build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { createTestAccounts, type TestAccounts } from '../support/api.ts';
import { buildDir, startServer, tempDataDir, type RunningServer } from '../support/server.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
		dataDir: string;
		/** Made with the users CLI before the server starts: one HQ, staff of two real shelters. */
		accounts: TestAccounts;
	}
}

let server: RunningServer | undefined;

export async function setup(project: TestProject) {
	if (!(process.env.BOSAI_E2E_SKIP_BUILD === '1' && existsSync(buildDir))) {
		const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: process.env });
		if (build.status !== 0) throw new Error('npm run build failed');
	}
	// The users CLI opens the data dir itself (PGlite is single-process), so it runs first.
	const dataDir = tempDataDir();
	const accounts = createTestAccounts(dataDir);
	server = await startServer({ dataDir });
	project.provide('accounts', accounts);
	project.provide('baseURL', server.url);
	project.provide('dataDir', server.dataDir);
}

export async function teardown() {
	await server?.stop();
}
