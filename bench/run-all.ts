/**
 * `npm run bench`: runs every benchmark script in bench/ (every `*.ts` but this runner and report.ts) one
 * after another and prints one table of figure, value, target and pass/fail. Exits non-zero when a
 * benchmark crashed (a missed target is reported, not an error).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { parseFigures, type BenchFigure } from './report.ts';

const only = process.argv.slice(2);
const scripts = readdirSync('bench')
	.filter((file) => file.endsWith('.ts') && !['run-all.ts', 'report.ts'].includes(file))
	.filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
	.sort();

const rows: (BenchFigure & { script: string })[] = [];
const crashed: string[] = [];
for (const script of scripts) {
	console.log(`\n=== bench/${script}`);
	const run = spawnSync(process.execPath, [`bench/${script}`], {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	process.stdout.write(run.stdout);
	process.stderr.write(run.stderr);
	if (run.status !== 0) crashed.push(script);
	for (const figure of parseFigures(run.stdout)) rows.push({ ...figure, script });
}

const fmt = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2));
const table = rows.map((row) => [
	row.script.replace(/\.ts$/, ''),
	row.name,
	`${fmt(row.value)} ${row.unit}`,
	row.target || '—',
	row.pass === null ? 'info' : row.pass ? 'PASS' : 'FAIL'
]);
const header = ['bench', 'figure', 'value', 'target', 'result'];
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
console.log('\n' + line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const row of table) console.log(line(row));
const failedTargets = rows.filter((row) => row.pass === false).length;
console.log(
	`\n${rows.length} figures, ${failedTargets} missed targets, ${crashed.length} benchmarks crashed`
);
if (crashed.length) {
	console.log(`crashed: ${crashed.join(', ')}`);
	process.exit(1);
}
