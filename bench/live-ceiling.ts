/**
 * `node bench/live-ceiling.ts [--seconds 6] [--subscribers 200]`: each database mode's ceiling
 * (issue 17): the report rate at which report→event p99 passes 100 ms. 50 terminals post ever
 * faster (50, 100, 200, 400, 800 reports/s) to `--subscribers` SSE subscribers; per mode the rates
 * rise until p99 passes 100 ms (or the server cannot keep the rate). The ceiling printed is the
 * highest rate asked and kept with p99 ≤ 100 ms ("≥" when it is the highest tried). Every run's bare database insert is printed beside it as
 * the in-run baseline. Needs a build (`npm run build`).
 */
import { parseArgs } from 'node:util';
import { reportFigure } from './report.ts';
import { liveModes, printTable, runLiveLatency } from './support/live-run.ts';

const { values } = parseArgs({
	options: {
		seconds: { type: 'string', default: '6' },
		subscribers: { type: 'string', default: '200' }
	}
});
const terminals = 50;
const rates = [50, 100, 200, 400, 800];
const limitMs = 100;

const rows: string[][] = [];
for (const mode of liveModes) {
	let ceiling = 0;
	// reached ÷ asked at the lowest rate: the run's own overhead (ramp, drain) in the figure.
	let calibration = 0;
	for (const rate of rates) {
		const figures = runLiveLatency([
			...mode.args,
			'--terminals',
			String(terminals),
			'--interval',
			String(Math.round((terminals * 1000) / rate)),
			'--subscribers',
			values.subscribers,
			'--seconds',
			values.seconds,
			'--warmup',
			'1'
		]);
		const get = (name: string) => figures.find((f) => f.name === name)?.value ?? NaN;
		const p99 = get('report→event p99');
		const reached = get('report throughput');
		const insert = figures.find((f) => f.name.startsWith('bare ') && f.name.endsWith('(baseline)'))?.value;
		// The rate really reached counts: a saturated server acknowledges fewer than asked.
		calibration ||= reached / rate;
		const kept = reached / rate >= 0.8 * calibration;
		rows.push([
			mode.label,
			`${rate}`,
			reached.toFixed(0),
			p99.toFixed(1),
			`${insert?.toFixed(2)} ms`,
			p99 <= limitMs && kept ? 'under' : 'over'
		]);
		if (p99 > limitMs || !kept) break;
		ceiling = rate;
	}
	reportFigure({
		name: `${mode.label}: ceiling (report rate with report→event p99 ≤ ${limitMs} ms, ${values.subscribers} subscribers)`,
		value: ceiling,
		unit: 'reports/s',
		target: '',
		pass: null,
		note: `rates tried ${rates.join(', ')}; ≥ means the highest tried`
	});
}
printTable(['mode', 'asked reports/s', 'reached', 'p99 ms', 'bare insert p50', `p99 vs ${limitMs} ms`], rows);
