/**
 * Soak: 50 reporters + 2,000 SSE subscribers for 60 s on loopback (the live-latency bench with a
 * longer run and drain): no failed POSTs, no subscriber missing an event, and the server's RSS
 * at the start and end. `npm run bench:soak`; extra flags are passed on.
 */
import { spawnSync } from 'node:child_process';

const run = spawnSync(
	process.execPath,
	[
		'bench/live-latency.ts',
		'--seconds',
		'60',
		'--drain',
		'5000',
		'--baseline',
		'50',
		...process.argv.slice(2)
	],
	{ stdio: 'inherit' }
);
process.exit(run.status ?? 1);
