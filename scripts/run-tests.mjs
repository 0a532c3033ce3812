// `npm test`: type check, lint, format check, then every vitest project (unit + e2e in Chromium).
// Prints one closing line `N passed, N failed` with the real totals: each static check counts as
// one test, vitest's tests are counted from its JSON report.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const extraArgs = process.argv.slice(2);
let passed = 0;
let failed = 0;
const failures = [];

function step(name, command, args) {
	console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
	const run = spawnSync(command, args, { stdio: 'inherit', env: process.env });
	if (run.status === 0) passed += 1;
	else {
		failed += 1;
		failures.push(name);
	}
}

step('typecheck', 'npx', ['svelte-kit', 'sync']);
passed -= 1; // sync is preparation, not a test of its own
step('svelte-check', 'npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings']);
step('service-worker types', 'npx', ['tsc', '-p', 'src/service-worker', '--noEmit']);
step('eslint', 'npx', ['eslint', '.']);
step('prettier', 'npx', ['prettier', '--check', '.']);

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
rmSync(report, { force: true });
console.log('\n=== vitest (unit + e2e)');
const vitest = spawnSync(
	'npx',
	['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extraArgs],
	{ stdio: 'inherit', env: process.env }
);
try {
	const result = JSON.parse(readFileSync(report, 'utf8'));
	passed += result.numPassedTests;
	failed += result.numFailedTests;
	// A file that failed to load (or a hook that threw) has no failed test of its own: count it.
	const brokenSuites = result.testResults.filter(
		(file) => file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed')
	).length;
	failed += brokenSuites;
	if (result.numFailedTests + brokenSuites > 0) failures.push('vitest');
	if (result.numTotalTests === 0) {
		failed += 1;
		failures.push('vitest ran no test');
	}
} catch (error) {
	failed += 1;
	failures.push(`vitest report unreadable (exit ${vitest.status}): ${error.message}`);
}
if (vitest.status !== 0 && !failures.includes('vitest')) {
	failed += 1;
	failures.push(`vitest exited ${vitest.status}`);
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
