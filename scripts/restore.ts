// `npm run restore FILE`: restores a backup of `npm run backup` into an EMPTY database:
//   `….pglite.tar.gz` into BOSAI_DATA_DIR (default .bosai-data; must be empty or missing),
//   `….pgdump` into DATABASE_URL (must hold no bosai-map tables).
// Nothing is overwritten. The next server start applies any migration newer than the backup.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseBackupName } from '#lib/backup/names.ts';
import { DataDirBusyError, lockDataDir } from '#lib/server/api/data-dir-lock.ts';
import { restorePgDump, restorePglite } from '#lib/server/db/backup.ts';
import { databaseMode } from '#lib/server/db/mode.ts';

function fail(message: string): never {
	console.error(`restore failed: ${message}`);
	process.exit(1);
}

const [arg] = process.argv.slice(2);
if (!arg) fail('usage: npm run restore -- FILE');
const file = resolve(arg);
if (!existsSync(file)) fail(`${file} does not exist`);
const name = parseBackupName(file.split('/').pop() ?? '');
if (!name) fail(`${file} is not named like a bosai-map backup (bosai-backup-<time>-schema-<version>.…)`);

try {
	const mode = databaseMode();
	if (name.kind === 'pgdump') {
		if (mode.driver !== 'postgres')
			fail('a .pgdump backup restores into a PostgreSQL server: set DATABASE_URL');
		await restorePgDump(file, mode.connectionString);
	} else {
		if (mode.driver !== 'pglite')
			fail('a .pglite.tar.gz backup restores into the embedded data dir: unset DATABASE_URL');
		let release: () => void;
		try {
			release = lockDataDir(mode.dataDir, 'npm run restore');
		} catch (error) {
			if (error instanceof DataDirBusyError) fail(error.message);
			throw error;
		}
		try {
			await restorePglite(file, mode.dataDir);
		} finally {
			release();
		}
	}
	console.log(
		`restored ${file} (taken ${name.takenAt.toISOString()}, schema ${name.schemaVersion}); start the server to apply newer migrations`
	);
} catch (error) {
	fail(error instanceof Error ? error.message : String(error));
}
