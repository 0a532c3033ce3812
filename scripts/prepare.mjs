// Runs before `dev` and `build`: builds the open-data products in data/out and tiles/out when
// they are missing or older than their inputs. Each step is added by its importer as it lands.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const steps = [
	{ script: 'scripts/data/build.ts', label: 'open data' },
	{ script: 'tiles/build.ts', label: 'tiles' }
];

for (const step of steps) {
	if (!existsSync(step.script)) continue;
	const run = spawnSync(process.execPath, ['--experimental-strip-types', step.script, '--if-stale'], {
		stdio: 'inherit'
	});
	if (run.status !== 0) {
		console.error(`prepare: building ${step.label} failed`);
		process.exit(run.status ?? 1);
	}
}
