/**
 * `npm run users` while the embedded server runs (issue 16): only the process holding PGlite may
 * write its data dir, so the CLI hands its command to that process, the way `npm run backup`
 * does (backup-service.ts): a request file (mode 0600) in `<data dir>/users-requests/` and
 * SIGUSR2. Only the same OS user can write there or signal the server: no network, no password
 * on any socket; the request carries a scrypt hash, never the password. The server answers with
 * a `.done.json` next to it and removes the request.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../db/types.ts';
import { askRunningServer, backupSignal, serverIsReady, writeAtomically } from '../db/server-request.ts';
import { runUsersCommand, usersCommandSchema, type UsersCommand } from './users-command.ts';

export const usersRequestDir = 'users-requests';

interface UsersDone {
	lines?: string[];
	error?: string;
}

async function answer(db: Database, dir: string): Promise<void> {
	for (const entry of readdirSync(dir).filter((f) => /^[a-f0-9-]{36}\.json$/.test(f))) {
		const path = join(dir, entry);
		let done: UsersDone;
		try {
			const command = usersCommandSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
			done = { lines: await runUsersCommand(db, command) };
		} catch (error) {
			done = { error: error instanceof Error ? error.message : String(error) };
		}
		rmSync(path, { force: true });
		writeAtomically(join(dir, entry.replace(/\.json$/, '.done.json')), JSON.stringify(done));
	}
}

/** Installs the handler (before the backup service writes its ready file: one signal, both). */
export function startUsersService(db: Database, dataDir: string): () => void {
	const dir = join(dataDir, usersRequestDir);
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	let running: Promise<void> = Promise.resolve();
	const serve = () => {
		running = running
			.then(() => answer(db, dir))
			.catch((error: unknown) => console.error('users request failed:', error));
	};
	process.on(backupSignal, serve);
	return () => process.off(backupSignal, serve);
}

/** The CLI side: hands `command` to the server process `pid` and waits for its answer. */
export async function askServerToRun(
	dataDir: string,
	pid: number,
	command: UsersCommand,
	timeoutMs = 60_000
): Promise<string[]> {
	const dir = join(dataDir, usersRequestDir);
	// Never signal before the server's handlers are installed (serverIsReady).
	if (!existsSync(dir) || !serverIsReady(dataDir, pid)) {
		throw new Error(`the server (pid ${pid}) is still starting or too old for this; try again shortly`);
	}
	const id = randomUUID();
	const answered = await askRunningServer<UsersDone>(
		pid,
		{ request: join(dir, `${id}.json`), done: join(dir, `${id}.done.json`) },
		JSON.stringify(command),
		timeoutMs
	);
	if (answered.error !== undefined) throw new Error(answered.error);
	return answered.lines ?? [];
}
