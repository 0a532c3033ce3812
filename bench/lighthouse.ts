/**
 * Lighthouse (mobile settings, the default) on the resident page of the real production build,
 * in Debian's Chromium. Targets: performance ≥ 90, accessibility 100. Run: `npm run bench:lighthouse`
 * (builds first when build/ is missing).
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { buildDir, startServer } from '../tests/support/server.ts';
import { chromiumArgs, chromiumPath } from '../tests/support/browser.ts';
import { reportFigure } from './report.ts';

if (!existsSync(buildDir)) {
	const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
	if (build.status !== 0) process.exit(1);
}

const server = await startServer();
const chrome = await chromeLauncher.launch({
	chromePath: chromiumPath,
	chromeFlags: chromiumArgs.map((flag) => (flag === '--headless' ? '--headless=new' : flag))
});
try {
	const targets: Record<string, number> = { performance: 90, accessibility: 100, 'best-practices': 0 };
	for (const path of ['/', '/kiosk']) {
		const result = await lighthouse(server.url + path, {
			port: chrome.port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: Object.keys(targets)
		});
		if (!result) throw new Error('lighthouse returned no result');
		for (const [id, minimum] of Object.entries(targets)) {
			const score = Math.round((result.lhr.categories[id]?.score ?? 0) * 100);
			reportFigure({
				name: `lighthouse ${path} ${id}`,
				value: score,
				unit: 'score',
				target: minimum ? `≥ ${minimum}` : '',
				pass: minimum ? score >= minimum : null
			});
		}
		const failing = Object.values(result.lhr.audits)
			.filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary')
			.map((audit) => audit.id);
		if (failing.length) console.log(`${path}: failing binary audits: ${failing.join(', ')}`);
	}
} finally {
	chrome.kill();
	await server.stop();
}
