/**
 * PGlite is single-process: two processes opening one data dir would corrupt it. Whoever opens the
 * data dir (the server, the users CLI) first takes `<dataDir>/bosai.lock` holding its pid; a lock
 * whose process is gone (SIGKILL, power loss) is stale and taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const lockFileName = 'bosai.lock';

export class DataDirBusyError extends Error {
	readonly dataDir: string;
	readonly pid: number;
	readonly holder: string;
	constructor(dataDir: string, pid: number, holder: string) {
		super(
			`The data dir ${dataDir} is in use by ${holder} (pid ${pid}). ` +
				'PGlite allows one process at a time: stop it first, then retry.'
		);
		this.name = 'DataDirBusyError';
		this.dataDir = dataDir;
		this.pid = pid;
		this.holder = holder;
	}
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function readLock(file: string): { pid: number; holder: string } | null {
	try {
		const parsed = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown; holder?: unknown };
		if (typeof parsed.pid !== 'number') return null;
		return { pid: parsed.pid, holder: typeof parsed.holder === 'string' ? parsed.holder : '?' };
	} catch {
		return null;
	}
}

/** Takes the lock or throws DataDirBusyError; returns the release function. */
export function lockDataDir(dataDir: string, holder: string): () => void {
	mkdirSync(dataDir, { recursive: true });
	const file = join(dataDir, lockFileName);
	const body = JSON.stringify({ pid: process.pid, holder, since: new Date().toISOString() });
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			writeFileSync(file, body, { flag: 'wx', mode: 0o600 });
			let released = false;
			const release = () => {
				if (released) return;
				released = true;
				if (readLock(file)?.pid === process.pid) rmSync(file, { force: true });
			};
			process.once('exit', release);
			return release;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const current = readLock(file);
			if (current && current.pid !== process.pid && alive(current.pid)) {
				throw new DataDirBusyError(dataDir, current.pid, current.holder);
			}
			rmSync(file, { force: true }); // stale: its process is gone
		}
	}
	throw new Error(`could not take the lock ${file}`);
}
