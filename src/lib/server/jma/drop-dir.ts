/**
 * The watched folder (BOSAI_JMA_DROP_DIR) for telegrams that reach the city by another channel
 * (LGWAN, 防災情報提供システム): each *.xml dropped there is ingested once, then moved to
 * `done/` (stored, duplicate or not Komae's) or `rejected/` (unreadable). Polled, not fs.watch:
 * network shares often send no events.
 */
import { mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../db/types.ts';
import { ingestTelegram, maxTelegramBytes } from './ingest.ts';
import type { JmaLogEntry } from './poller.ts';

export async function ingestDropDir(
	db: Database,
	dir: string,
	log: (entry: JmaLogEntry) => void
): Promise<number> {
	const done = join(dir, 'done');
	const rejected = join(dir, 'rejected');
	mkdirSync(done, { recursive: true });
	mkdirSync(rejected, { recursive: true });
	let handled = 0;
	for (const name of readdirSync(dir)
		.filter((n) => n.endsWith('.xml'))
		.sort()) {
		const file = join(dir, name);
		const tooBig = statSync(file).size > maxTelegramBytes;
		const result = tooBig
			? ({ outcome: 'invalid', error: 'telegram too large' } as const)
			: await ingestTelegram(db, await readFile(file, 'utf8'), { source: 'drop' });
		if (result.outcome === 'invalid')
			log({ level: 'warn', message: `dropped telegram refused: ${result.error}`, url: name });
		renameSync(file, join(result.outcome === 'invalid' ? rejected : done, name));
		handled++;
	}
	return handled;
}

/** Polls the folder every `intervalMs` until the returned stop function is called. */
export function watchDropDir(
	db: Database,
	dir: string,
	log: (entry: JmaLogEntry) => void,
	intervalMs = 5_000
): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	let stopped = false;
	const loop = async () => {
		try {
			await ingestDropDir(db, dir, log);
		} catch (error) {
			log({ level: 'warn', message: `drop folder: ${(error as Error).message}` });
		}
		if (!stopped) timer = setTimeout(loop, intervalMs);
	};
	void loop();
	return () => {
		stopped = true;
		clearTimeout(timer);
	};
}
