/**
 * Child process of db-durability.test.ts: opens the embedded database at argv[2], then submits
 * reports through the API's path (asUser → submit_report) one after another and prints
 * `ack <client_id> <ms>` after each acknowledged commit, until the parent SIGKILLs it.
 */
import { openDatabase } from '#lib/server/db/index.ts';
import { createFixtures, reportBody, rpc, shelterA } from './db-fixtures.ts';

const db = await openDatabase({ driver: 'pglite', dataDir: process.argv[2] });
await createFixtures(db);
process.stdout.write('ready\n');
for (;;) {
	const body = reportBody(shelterA);
	const started = performance.now();
	await rpc(db, 'staffA', 'public.submit_report($1)', [body]);
	process.stdout.write(`ack ${body.client_id} ${(performance.now() - started).toFixed(3)}\n`);
}
