/**
 * `npm run bench:sse-transport`: the two live transports under the same load, in one run.
 * Runs bench/live-latency.ts (50 terminals, 2,000 subscribers) against plain `node build` (Kit's
 * ReadableStream through adapter-node: the baseline) and against `npm start` (straight to the
 * sockets), and prints server CPU per delivered event and report→event p99 for each, with ratios.
 *   node bench/sse-transport.ts [--seconds 10] [extra live-latency flags]
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { parseFigures, reportFigure } from './report.ts';

const { values, positionals } = parseArgs({
	options: { seconds: { type: 'string', default: '10' } },
	allowPositionals: true,
	strict: false
});

function run(entry: 'adapter' | 'start') {
	console.log(`\n--- ${entry === 'adapter' ? 'node build (portable stream)' : 'npm start (direct)'}`);
	const child = spawnSync(
		process.execPath,
		['bench/live-latency.ts', '--entry', entry, '--seconds', String(values.seconds), ...positionals],
		{ encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
	);
	process.stdout.write(child.stdout.replace(/^BENCH .*\n/gm, ''));
	process.stderr.write(child.stderr);
	if (child.status !== 0) throw new Error(`live-latency --entry ${entry} failed`);
	const figures = parseFigures(child.stdout);
	const value = (name: string) => {
		const figure = figures.find((f) => f.name === name);
		if (!figure) throw new Error(`live-latency printed no "${name}"`);
		return figure.value;
	};
	return {
		cpu: value('server CPU per delivered event'),
		p99: value('report→event p99'),
		missed: value('subscribers that missed events')
	};
}

const portable = run('adapter');
const direct = run('start');
console.log(
	`\nserver CPU per delivered event: node build ${portable.cpu.toFixed(2)} µs, npm start ${direct.cpu.toFixed(2)} µs (${(portable.cpu / direct.cpu).toFixed(2)}× less)`
);
console.log(
	`report→event p99: node build ${portable.p99.toFixed(1)} ms, npm start ${direct.p99.toFixed(1)} ms`
);

reportFigure({
	name: 'CPU per event, node build (baseline)',
	value: portable.cpu,
	unit: 'µs',
	target: '',
	pass: null
});
reportFigure({ name: 'CPU per event, npm start', value: direct.cpu, unit: 'µs', target: '', pass: null });
reportFigure({
	name: 'CPU per event saved by the direct path',
	value: portable.cpu / direct.cpu,
	unit: '×',
	target: '> 1',
	pass: portable.cpu / direct.cpu > 1
});
reportFigure({
	name: 'report→event p99, node build',
	value: portable.p99,
	unit: 'ms',
	target: '',
	pass: null
});
reportFigure({
	name: 'report→event p99, npm start',
	value: direct.p99,
	unit: 'ms',
	target: '< 100',
	pass: direct.p99 < 100
});
reportFigure({
	name: 'subscribers that missed events (both runs)',
	value: portable.missed + direct.missed,
	unit: 'subscribers',
	target: '= 0',
	pass: portable.missed + direct.missed === 0
});
