/**
 * Child process of db-durability.test.ts.
 * `reports <dataDir>`: opens the embedded database, then submits reports through the API's path
 * (asUser → submit_report) one after another and prints `ack <client_id> <ms>` after each
 * acknowledged commit, until the parent SIGKILLs it.
 * `serve`: opens the server's singleton (getDatabase, BOSAI_DATA_DIR) and waits for a signal.
 */
import { getDatabase, openDatabase } from '#lib/server/db/index.ts';
import { createFixtures, reportBody, rpc, shelterA } from './db-fixtures.ts';

if (process.argv[2] === 'serve') {
	await getDatabase();
	process.stdout.write('ready\n');
	// Stay alive like a server until the signal handler closes the database.
	setInterval(() => undefined, 60_000).unref();
	process.stdin.resume();
} else {
	const db = await openDatabase({ driver: 'pglite', dataDir: process.argv[3] });
	await createFixtures(db);
	process.stdout.write('ready\n');
	for (;;) {
		const body = reportBody(shelterA);
		const started = performance.now();
		// As HQ: a staff account may store only 30 reports a minute (issue 18, L2); same RPC path.
		await rpc(db, 'hq', 'public.submit_report($1)', [body]);
		process.stdout.write(`ack ${body.client_id} ${(performance.now() - started).toFixed(3)}\n`);
	}
}
