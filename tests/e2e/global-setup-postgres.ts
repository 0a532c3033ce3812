/**
 * The e2e project `e2e-postgres`: the same production build, served in PostgreSQL mode
 * (DATABASE_URL) on a real PostgreSQL server this setup starts (Debian's postgresql), with the
 * JWT secret from the environment as every app server of a PostgreSQL deployment has it.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createTestAccounts, databaseEnv } from '../support/api.ts';
import { ensureBuild } from '../support/build.ts';
import { startPostgres, type PostgresCluster } from '../support/postgres.ts';
import { sharedServerEnv, startServer, tempDataDir, type RunningServer } from '../support/server.ts';

let cluster: PostgresCluster | undefined;
let server: RunningServer | undefined;

export async function setup(project: TestProject) {
	await ensureBuild();
	cluster = await startPostgres();
	const jwtSecret = randomBytes(48).toString('base64url');
	Object.assign(databaseEnv, {
		DATABASE_URL: await cluster.createDatabase('bosai_e2e'),
		BOSAI_JWT_SECRET: jwtSecret
	});
	// PostgreSQL mode: the users CLI runs beside the server, but the server seeds the shelters the
	// accounts are bound to, so it starts first here.
	const dataDir = tempDataDir('bosai-e2e-pg-');
	server = await startServer({ dataDir, env: { ...databaseEnv, ...sharedServerEnv } });
	await assertPostgresMode(databaseEnv.DATABASE_URL, dataDir);
	const accounts = createTestAccounts(dataDir);
	project.provide('accounts', accounts);
	project.provide('baseURL', server.url);
	project.provide('dataDir', server.dataDir);
	project.provide('jwtSecret', jwtSecret);
	project.provide('databaseUrl', databaseEnv.DATABASE_URL);
}

/** The server really runs on the PostgreSQL server: it seeded the shelters there, and no PGlite is on disk. */
async function assertPostgresMode(url: string, dataDir: string) {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		const seeded = await client.query<{ n: number }>('select count(*)::int as n from public.shelters');
		if (seeded.rows[0].n === 0)
			throw new Error('PostgreSQL mode: the server seeded no shelters into DATABASE_URL');
	} finally {
		await client.end();
	}
	if (existsSync(join(dataDir, 'PG_VERSION')))
		throw new Error('PostgreSQL mode: a PGlite database was made in the data dir');
}

export async function teardown() {
	await server?.stop();
	await cluster?.stop();
}
