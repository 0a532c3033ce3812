// `npm run backup [-- --out DIR]`: a consistent snapshot while the server runs.
//   PostgreSQL mode (DATABASE_URL): pg_dump -Fc.
//   Embedded: the running server writes it (only it may read PGlite's data dir); with no server
//   running, this command opens the data dir itself.
// The file lands in --out, else BOSAI_BACKUP_DIR, else ./backups; its name says when and at
// which schema version it was taken. Restore with `npm run restore FILE`.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DataDirBusyError, lockDataDir } from '#lib/server/api/data-dir-lock.ts';
import { writePgDump, writePgliteBackup } from '#lib/server/db/backup.ts';
import { requestPath, type BackupDone } from '#lib/server/db/backup-service.ts';
import { databaseMode } from '#lib/server/db/mode.ts';
import { openPglite } from '#lib/server/db/pglite.ts';
import { askRunningServer, serverIsReady } from '#lib/server/db/server-request.ts';

const { values } = parseArgs({ options: { out: { type: 'string' }, timeout: { type: 'string' } } });
const outDir = resolve(values.out ?? process.env.BOSAI_BACKUP_DIR ?? 'backups');
const timeoutMs = Number(values.timeout ?? 300) * 1000;

async function askServer(dataDir: string, pid: number): Promise<string> {
	if (!serverIsReady(dataDir, pid)) {
		throw new Error(
			`the server (pid ${pid}) is still starting or too old to take backups; try again shortly`
		);
	}
	const id = randomUUID();
	const answer = await askRunningServer<BackupDone>(
		pid,
		requestPath(dataDir, id),
		JSON.stringify({ id, dir: outDir }),
		timeoutMs
	);
	if (!answer.file) throw new Error(answer.error ?? 'the server wrote no backup');
	return answer.file;
}

async function backUpEmbedded(dataDir: string): Promise<string> {
	let release: () => void;
	try {
		release = lockDataDir(dataDir, 'npm run backup');
	} catch (error) {
		if (error instanceof DataDirBusyError) return askServer(dataDir, error.pid);
		throw error;
	}
	try {
		const db = await openPglite(dataDir);
		try {
			return await writePgliteBackup(db, outDir);
		} finally {
			await db.close();
		}
	} finally {
		release();
	}
}

try {
	const mode = databaseMode();
	const file =
		mode.driver === 'postgres'
			? await writePgDump(mode.connectionString, outDir)
			: await backUpEmbedded(mode.dataDir);
	console.log(file);
} catch (error) {
	console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
}
