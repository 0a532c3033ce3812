/**
 * Lighthouse (mobile settings, the default) on the resident pages of the real production build,
 * in Debian's Chromium, with the budgets of issue 15 printed as PASS/FAIL: `/` performance ≥ 95 and
 * accessibility 100 (`/kiosk` ≥ 90 and 100); then, in Chromium through playwright, the whole first
 * visit of `/` ≤ 1.6 MB and the offline repeat visit ≤ 1 s to the list (bench/resident-visit.ts).
 * Scores are noisy on a shared machine. Run: `npm run bench:lighthouse` (builds first when build/
 * is missing).
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { buildDir, startServer } from '../tests/support/server.ts';
import { chromiumArgs, chromiumPath } from '../tests/support/browser.ts';
import { reportBudget, reportFigure } from './report.ts';
import { measureVisits } from './resident-visit.ts';

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
	const budgets: Record<string, Record<string, number>> = {
		'/': { performance: 95, accessibility: 100, 'best-practices': 0 },
		'/kiosk': { performance: 90, accessibility: 100, 'best-practices': 0 }
	};
	for (const [path, targets] of Object.entries(budgets)) {
		const result = await lighthouse(server.url + path, {
			port: chrome.port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: Object.keys(targets)
		});
		if (!result) throw new Error('lighthouse returned no result');
		for (const [id, minimum] of Object.entries(targets)) {
			const score = Math.round((result.lhr.categories[id]?.score ?? 0) * 100);
			const figure = { name: `lighthouse ${path} ${id}`, value: score, unit: 'score' };
			if (minimum) reportBudget({ ...figure, target: `≥ ${minimum}`, pass: score >= minimum });
			else reportFigure({ ...figure, target: '', pass: null });
		}
		for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time']) {
			const audit = result.lhr.audits[id];
			if (audit?.numericValue !== undefined)
				reportFigure({
					name: `lighthouse ${path} ${id}`,
					value: Math.round(audit.numericValue),
					unit: 'ms',
					target: '',
					pass: null
				});
		}
		const lcpElement = result.lhr.audits['largest-contentful-paint-element']?.details as
			{ items?: { items?: { node?: { snippet?: string } }[] }[] } | undefined;
		const snippet = lcpElement?.items?.[0]?.items?.[0]?.node?.snippet;
		if (snippet) console.log(`${path}: LCP element ${snippet.slice(0, 160)}`);
		const failing = Object.values(result.lhr.audits)
			.filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary')
			.map((audit) => audit.id);
		if (failing.length) console.log(`${path}: failing binary audits: ${failing.join(', ')}`);
	}
	const visits = await measureVisits(server.url);
	reportBudget({
		name: 'resident / whole first visit (incl. service worker precache)',
		value: Math.round((visits.firstVisitBytes / 1024 / 1024) * 100) / 100,
		unit: 'MB',
		target: '≤ 1.6',
		pass: visits.firstVisitBytes <= 1.6 * 1024 * 1024,
		note: `${visits.requests} requests`
	});
	reportBudget({
		name: 'resident / offline repeat visit: reload → list',
		value: visits.offlineToListMs,
		unit: 'ms',
		target: '≤ 1000',
		pass: visits.offlineToListMs <= 1000
	});
} finally {
	chrome.kill();
	await server.stop();
}
