/**
 * Runs bench/live-latency.ts once in a child process (its own server(s) and load) and answers its
 * figures: shared by bench/live-modes.ts and bench/live-ceiling.ts.
 */
import { spawnSync } from 'node:child_process';
import { type BenchFigure, parseFigures } from '../report.ts';

export function runLiveLatency(args: string[]): BenchFigure[] {
	const run = spawnSync(process.execPath, ['bench/live-latency.ts', ...args], {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	if (run.status !== 0) {
		process.stdout.write(run.stdout + run.stderr);
		throw new Error(`live-latency ${args.join(' ')} exited ${run.status}`);
	}
	return parseFigures(run.stdout);
}

/** The database modes of issue 17, as live-latency.ts arguments. */
export const liveModes = [
	{ label: 'PGlite', args: ['--db', 'pglite'] },
	{ label: 'PostgreSQL', args: ['--db', 'postgres'] },
	{ label: 'PostgreSQL × 2 servers', args: ['--db', 'postgres', '--servers', '2'] }
];

/** Prints rows as an aligned text table. */
export function printTable(header: string[], rows: string[][]): void {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
	console.log('\n' + line(header));
	console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
	for (const row of rows) console.log(line(row));
}
