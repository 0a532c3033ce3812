/** File helpers shared by the data and tile builds: stable JSON, staleness, input folders. */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');

/** `../shared/data/<city>/` beside the repo, or BOSAI_OPEN_DATA_DIR/<city>/. */
export function openDataDir(city: string): string {
	const base = process.env.BOSAI_OPEN_DATA_DIR ?? resolve(repoRoot, '../shared/data');
	return join(base, city);
}

export function readJson(path: string): unknown {
	return JSON.parse(readFileSync(path, 'utf8'));
}

/** Writes JSON with a fixed layout and a final newline (byte-identical for equal data). */
export function writeJson(path: string, value: unknown, pretty = true): void {
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, JSON.stringify(value, null, pretty ? '\t' : undefined) + '\n');
}

/** Every file below `path` (or the file itself). */
export function listFiles(path: string): string[] {
	if (!existsSync(path)) return [];
	if (!statSync(path).isDirectory()) return [path];
	return readdirSync(path, { withFileTypes: true }).flatMap((entry) => listFiles(join(path, entry.name)));
}

function newest(paths: string[]): number {
	return Math.max(0, ...paths.flatMap(listFiles).map((file) => statSync(file).mtimeMs));
}

/** True when every output exists and is newer than every input (files or folders). */
export function isFresh(outputs: string[], inputs: string[]): boolean {
	if (!outputs.every((output) => existsSync(output))) return false;
	const oldestOutput = Math.min(...outputs.flatMap(listFiles).map((file) => statSync(file).mtimeMs));
	return oldestOutput > newest(inputs);
}

/** Parses `--name value` and `--flag` arguments. */
export function parseArgs(argv: string[]): Map<string, string | true> {
	const args = new Map<string, string | true>();
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith('--')) continue;
		const next = argv[i + 1];
		if (next !== undefined && !next.startsWith('--')) {
			args.set(arg.slice(2), next);
			i++;
		} else args.set(arg.slice(2), true);
	}
	return args;
}
