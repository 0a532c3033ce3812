/**
 * Backups taken inside the running embedded server (only the process holding PGlite may read its
 * data dir): `npm run backup` drops a request file into `<data dir>/backup-requests/` and sends
 * SIGUSR2 (local, same OS user: no network credentials involved); the server answers with a
 * `.done.json` file next to it. With BOSAI_BACKUP_DIR set, the server also backs itself up once
 * a day (and shortly after start) and keeps BOSAI_BACKUP_KEEP_DAYS days (default 7).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { backupRequestDir, pruneBackups, writePgliteBackup } from './backup.ts';
import { backupSignal, readyFile, writeAtomically } from './server-request.ts';
import type { Database } from './types.ts';

export { backupRequestDir, backupSignal, readyFile };

const requestSchema = z.object({ id: z.string().regex(/^[a-f0-9-]{8,64}$/), dir: z.string().min(1) });

export interface BackupDone {
	file?: string;
	error?: string;
}

export function requestPath(dataDir: string, id: string): { request: string; done: string } {
	const dir = join(dataDir, backupRequestDir);
	return { request: join(dir, `${id}.json`), done: join(dir, `${id}.done.json`) };
}

/** Answers every pending request in turn (a second signal while busy is picked up by the loop). */
async function answerRequests(db: Database, dataDir: string): Promise<void> {
	const dir = join(dataDir, backupRequestDir);
	if (!existsSync(dir)) return;
	for (const entry of readdirSync(dir).filter((f) => /^[a-f0-9-]+\.json$/.test(f))) {
		const path = join(dir, entry);
		let done: BackupDone;
		let id = entry.replace(/\.json$/, '');
		try {
			const request = requestSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
			id = request.id;
			done = { file: await writePgliteBackup(db, resolve(request.dir)) };
		} catch (error) {
			done = { error: error instanceof Error ? error.message : String(error) };
		}
		rmSync(path, { force: true });
		writeAtomically(requestPath(dataDir, id).done, JSON.stringify(done));
	}
}

export function startBackupService(db: Database, dataDir: string, env = process.env): () => void {
	mkdirSync(join(dataDir, backupRequestDir), { recursive: true, mode: 0o700 });
	let running: Promise<void> = Promise.resolve();
	const serve = () => {
		running = running
			.then(() => answerRequests(db, dataDir))
			.catch((error: unknown) => {
				console.error('backup request failed:', error);
			});
	};
	process.on(backupSignal, serve);
	// Node's default for SIGUSR2 is to exit: the CLI must never signal before this line ran.
	writeAtomically(join(dataDir, backupRequestDir, readyFile), String(process.pid));

	const timers: NodeJS.Timeout[] = [];
	const daily = env.BOSAI_BACKUP_DIR ? resolve(env.BOSAI_BACKUP_DIR) : null;
	if (daily) {
		const keepDays = Math.max(1, Number(env.BOSAI_BACKUP_KEEP_DAYS) || 7);
		const backUp = () => {
			running = running
				.then(async () => {
					const file = await writePgliteBackup(db, daily);
					const pruned = pruneBackups(daily, keepDays);
					console.log(
						`daily backup ${file}${pruned.length ? `; removed ${pruned.length} older than ${keepDays} d` : ''}`
					);
				})
				.catch((error: unknown) => console.error('daily backup failed:', error));
		};
		timers.push(setTimeout(backUp, 60_000).unref(), setInterval(backUp, 86_400_000).unref());
	}
	return () => {
		process.off(backupSignal, serve);
		for (const timer of timers) clearTimeout(timer);
	};
}
