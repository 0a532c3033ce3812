/**
 * The request-file handshake between a CLI and the running embedded server (only the process
 * holding PGlite may touch its data dir), shared by `npm run backup` (backup-service.ts) and
 * `npm run users` (users-service.ts): the CLI writes a request file (mode 0600) into a folder of
 * the data dir and sends SIGUSR2; the server answers with a `.done.json` file next to it and
 * removes the request. Only the same OS user can write there or signal the server: no network.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backupRequestDir } from './backup.ts';

export const backupSignal = 'SIGUSR2';

/** Written once the signal handlers are installed: the CLI signals only the pid found here. */
export const readyFile = 'server.pid';

/** Temp file + rename: the other side never reads half a request or answer. */
export function writeAtomically(file: string, body: string) {
	writeFileSync(`${file}.partial`, body, { mode: 0o600 });
	renameSync(`${file}.partial`, file);
}

/**
 * Whether server `pid` has installed its handlers: it writes the ready file after them, and
 * Node's default for SIGUSR2 is to exit, so never signal before this is true.
 */
export function serverIsReady(dataDir: string, pid: number): boolean {
	const ready = join(dataDir, backupRequestDir, readyFile);
	return existsSync(ready) && Number(readFileSync(ready, 'utf8')) === pid;
}

/**
 * Writes `body` to `request`, signals server `pid` and waits up to `timeoutMs` for `done`; returns
 * the parsed answer and removes its file. On timeout removes the request and throws.
 */
export async function askRunningServer<Answer>(
	pid: number,
	files: { request: string; done: string },
	body: string,
	timeoutMs: number
): Promise<Answer> {
	const { request, done } = files;
	writeAtomically(request, body);
	process.kill(pid, backupSignal);
	const deadline = Date.now() + timeoutMs;
	while (!existsSync(done)) {
		if (Date.now() > deadline) {
			rmSync(request, { force: true });
			throw new Error(`the server did not answer within ${timeoutMs / 1000} s`);
		}
		await new Promise((r) => setTimeout(r, 50));
	}
	const answer = JSON.parse(readFileSync(done, 'utf8')) as Answer;
	rmSync(done, { force: true });
	return answer;
}
