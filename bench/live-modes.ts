/**
 * `npm run bench:live-modes`: the live path of issue 17 on every database mode, under the same
 * load, in one run: embedded PGlite, one app server on PostgreSQL, two app servers on
 * PostgreSQL — each at the design load (50 terminals, 200 staff/HQ subscribers; target p50 ≤ 5 ms,
 * p99 ≤ 20 ms) and at the stress load (2,000 subscribers; target p99 ≤ 50 ms). Each row has its
 * database's bare insert as the in-run baseline. Runs bench/live-latency.ts once per cell.
 *   node bench/live-modes.ts [--seconds 20]
 */
import { parseArgs } from 'node:util';
import { reportFigure } from './report.ts';
import { liveModes as modes, printTable, runLiveLatency } from './support/live-run.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '20' } } });
const loads = [
	{ label: 'design (200 subscribers)', subscribers: '200' },
	{ label: 'stress (2,000 subscribers)', subscribers: '2000' }
];

const rows: string[][] = [];
for (const mode of modes) {
	for (const load of loads) {
		const args = [
			...mode.args,
			'--terminals',
			'50',
			'--subscribers',
			load.subscribers,
			'--seconds',
			values.seconds
		];
		const figures = runLiveLatency(args);
		const get = (name: string) => figures.find((f) => f.name === name);
		const p50 = get('report→event p50');
		const p99 = get('report→event p99');
		const insert = figures.find((f) => f.name.startsWith('bare ') && f.name.endsWith('(baseline)'));
		const missed = get('subscribers that missed events');
		const verdict = [p50, p99].filter((f) => f && f.pass !== null).every((f) => f!.pass) ? 'PASS' : 'FAIL';
		rows.push([
			mode.label,
			load.label,
			`${p50?.value.toFixed(1)} / ${p99?.value.toFixed(1)} ms`,
			[p50?.target, p99?.target].filter(Boolean).join(', ') || '—',
			`${insert?.value.toFixed(2)} ms`,
			`${(p50!.value / insert!.value).toFixed(1)}×`,
			String(missed?.value ?? '?'),
			verdict
		]);
		for (const f of figures) reportFigure({ ...f, name: `${mode.label} ${load.label}: ${f.name}` });
	}
}
printTable(
	['mode', 'load', 'p50 / p99', 'target', 'bare insert p50', 'p50 ÷ insert', 'missed', 'result'],
	rows
);
