/**
 * "The list works with the map turned off": MapLibre's chunk is made to fail with the DevTools
 * protocol's Fetch domain (as a blocked or broken download would). The page says the map is
 * unavailable, while the alert, the nearest-shelter peek and the list still render and work. The
 * only console error allowed is the failed download itself. Own server: it issues a real alert.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, call, signIn, type TestAccount } from '../support/api.ts';
import { gotoHydrated, useBrowser } from '../support/browser.ts';
import { startServer, tempDataDir, type RunningServer } from '../support/server.ts';
import { openFullMap } from '../support/map.ts';
import { chooseHazardAndTown, listedIds } from './resident-helpers.ts';

const harness = useBrowser();
let server: RunningServer;
let hq: TestAccount;

/** The built file of MapLibre's chunk, from the client build's Vite manifest. */
function maplibreChunk(): string {
	const kitOut = resolve(process.env.BOSAI_KIT_OUT ?? '.svelte-kit');
	const manifest = JSON.parse(
		readFileSync(join(kitOut, 'output/client/.vite/manifest.json'), 'utf8')
	) as Record<string, { file: string }>;
	const entry = Object.entries(manifest).find(([key]) => key.endsWith('maplibre-gl/dist/maplibre-gl.mjs'));
	// MapLibre may be bundled into our lazy map engine chunk instead of a chunk of its own.
	const engine = Object.entries(manifest).find(([key]) => key.endsWith('src/lib/map/engine.ts'));
	const found = entry ?? engine;
	if (!found) throw new Error('no MapLibre chunk in the build manifest');
	return found[1].file;
}

beforeAll(async () => {
	const dataDir = tempDataDir('bosai-map-blocked-');
	hq = addAccount(dataDir, 'map-blocked-hq', 'hq');
	server = await startServer({ dataDir });
});
afterAll(async () => {
	await server?.stop();
});

describe('resident home without MapLibre', () => {
	it('shows alerts, the peek and the list, and says the map is unavailable', async () => {
		const { access_token } = await signIn(server.url, hq);
		const alert = await call(server.url, 'POST', '/api/alerts', {
			token: access_token,
			body: { level: 4, hazard: 'flood', areas: ['all'], text: { ja: '合成の試験用避難指示' } }
		});
		expect(alert.status).toBe(201);

		const chunk = maplibreChunk();
		const { page, context } = await harness.newPage({
			viewport: { width: 390, height: 844 },
			// No service worker: once it controls the page it would serve the chunk from its precache,
			// past the page's Fetch interception (a download that failed has no cached copy either).
			serviceWorkers: 'block',
			allowErrors: [new RegExp(`Failed to load resource.*${chunk.split('/').pop()!.replace('.', '\\.')}`)]
		});
		const cdp = await context.newCDPSession(page);
		const blocked: string[] = [];
		cdp.on('Fetch.requestPaused', (event: { requestId: string; request: { url: string } }) => {
			blocked.push(event.request.url);
			void cdp.send('Fetch.failRequest', { requestId: event.requestId, errorReason: 'Failed' });
		});
		await cdp.send('Fetch.enable', { patterns: [{ urlPattern: `*${chunk}` }] });

		await gotoHydrated(page, server.url + '/');
		// A phone's first visit: the light preview, and MapLibre not even requested.
		await page.getByTestId('map-preview').locator('image').first().waitFor({ state: 'attached' });
		await page.waitForTimeout(1_000);
		expect(blocked).toEqual([]);
		await openFullMap(page);
		await expect
			.poll(() => page.locator('[data-map-status]').getAttribute('data-map-status'), { timeout: 20_000 })
			.toBe('error');
		expect(blocked.length).toBeGreaterThan(0);
		expect(await page.locator('.map-view').getByRole('alert').textContent()).toBe(
			'地図を表示できませんでした。下の一覧をご利用ください。'
		);
		// The shared error style (global.css .error-state), as every screen's errors.
		expect(await page.locator('.map-view .error-state').count()).toBe(1);

		// The alert (banner and header state), the peek and the list all work without the map.
		expect(await page.locator('[data-level="4"]').textContent()).toContain('合成の試験用避難指示');
		expect(await page.getByTestId('alert-state').textContent()).toBe('警戒レベル4');
		await chooseHazardAndTown(page, '洪水', '岩戸南四丁目');
		await expect.poll(async () => (await listedIds(page)).length).toBe(10);
		expect(await page.getByTestId('peek').locator('[data-reason="none-open"]').count()).toBe(1);
		await page.getByRole('button', { name: '一覧を広げる' }).click();
		expect(await page.getByRole('button', { name: '一覧を全画面にする' }).getAttribute('aria-expanded')).toBe(
			'true'
		);
		expect(
			await page.evaluate(() => (window as unknown as { __bosaiMap?: unknown }).__bosaiMap)
		).toBeUndefined();
	});
});
