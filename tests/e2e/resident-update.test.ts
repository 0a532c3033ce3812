/**
 * A new version of the app reaching a resident whose phone already has the old one, in real
 * Chromium with the real service worker. The test makes a second build of the same source (a
 * new Kit version, as every build has); after the first visit the server restarts on that build.
 * The new worker must install and wait without touching the open page, the page must offer
 * 「更新する」, and only that button lets the new worker take over: the page reloads once, the
 * old shell cache is gone, and the new one works offline.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gotoHydrated, phoneViewport, useBrowser } from '../support/browser.ts';
import { buildDir, startServer, tempDataDir, type RunningServer } from '../support/server.ts';

const harness = useBrowser();
// Inside the project (git-ignored node_modules/.cache), so the second build resolves our packages.
const cacheDir = resolve('node_modules/.cache');
mkdirSync(cacheDir, { recursive: true });
const work = mkdtempSync(join(cacheDir, 'bosai-update-'));
const nextBuild = join(work, 'build');
let server: RunningServer | undefined;

beforeAll(() => {
	const build = spawnSync('npm', ['run', 'build'], {
		env: { ...process.env, BOSAI_KIT_OUT: join(work, 'kit'), BOSAI_BUILD_OUT: nextBuild },
		encoding: 'utf8'
	});
	if (build.status !== 0) throw new Error(`second build failed:\n${build.stderr.slice(-2000)}`);
	// Kit points the project's generated tsconfig (node_modules/$app) at the last build's types:
	// point it back at this run's own, or type checks after this test would look in a deleted folder.
	spawnSync('npx', ['svelte-kit', 'sync'], { env: process.env, stdio: 'ignore' });
}, 180_000);

afterAll(async () => {
	await server?.stop();
	rmSync(work, { recursive: true, force: true });
});

const versionOf = (build: string) =>
	(JSON.parse(readFileSync(join(build, 'client', '_app', 'version.json'), 'utf8')) as { version: string })
		.version;

// Expected while the server restarts (and offline at the end): live stream and polls fail.
const restartErrors = [
	/Failed to load resource/,
	/ERR_CONNECTION_REFUSED/,
	/ERR_INTERNET_DISCONNECTED/,
	/Failed to fetch/,
	/NetworkError/
];

describe('resident app update', () => {
	it('installs a new version next to the open page, and switches only when the resident says so', async () => {
		const [oldVersion, newVersion] = [versionOf(buildDir), versionOf(nextBuild)];
		expect(newVersion).not.toBe(oldVersion);
		const dataDir = tempDataDir('bosai-update-');
		// The second build is not where the project is: tell it where the migrations and data are.
		const env = { BOSAI_ROOT: resolve('.') };
		server = await startServer({ dataDir, env });
		const { page, context } = await harness.newPage({ viewport: phoneViewport, allowErrors: restartErrors });
		await gotoHydrated(page, server.url + '/');
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
			timeout: 30_000
		});
		expect(await page.evaluate(() => caches.keys())).toContain(`bosai-shell-${oldVersion}`);
		await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'old page'));

		const port = server.port;
		await server.stop();
		server = await startServer({ dataDir, port, build: nextBuild, env });
		await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
		const update = page.getByRole('button', { name: '更新する' });
		await update.waitFor({ timeout: 30_000 });
		// Waiting, not in charge: the open page is untouched.
		expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).waiting !== null)).toBe(
			true
		);
		expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('old page');

		await Promise.all([page.waitForEvent('load'), update.click()]);
		await page.waitForSelector('html[data-hydrated="true"]');
		expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBeUndefined();
		const after = await page.evaluate(() => caches.keys());
		expect(after).toContain(`bosai-shell-${newVersion}`);
		expect(after).not.toContain(`bosai-shell-${oldVersion}`);
		await expect.poll(() => page.getByRole('button', { name: '更新する' }).count()).toBe(0);

		// The new version's cache serves the app offline.
		await context.setOffline(true);
		await page.reload();
		await page.waitForSelector('html[data-hydrated="true"]');
		expect(await page.locator('h1').first().textContent()).toBe('避難所マップ');
	});
});
