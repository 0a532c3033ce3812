/**
 * The light map preview (MapPreview): on a phone's first visit the resident home draws the
 * basemap SVG from the tile build, with every shelter on it, in the server's first HTML, and does
 * not request MapLibre, its stylesheet or the PMTiles archive. Pressing the preview's button opens
 * the real map; this device then opens it by itself on the next visit. A wide screen opens it at
 * once. Real Chromium, real build, real tiles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { gotoHydrated, useBrowser } from '../support/browser.ts';
import { startServer, tempDataDir, type RunningServer } from '../support/server.ts';

const harness = useBrowser();
let server: RunningServer;

beforeAll(async () => {
	server = await startServer({ dataDir: tempDataDir('bosai-preview-') });
});
afterAll(async () => {
	await server?.stop();
});

const mapFiles = /maplibre|engine\.|\.pmtiles/;

describe('resident map preview', () => {
	it('a phone first sees the preview with every shelter, without MapLibre; the button opens the map, remembered', async () => {
		// The page itself goes out gzip-compressed (its small stylesheets are inline).
		const response = await fetch(server.url + '/', { headers: { 'accept-encoding': 'gzip' } });
		expect(response.headers.get('content-encoding')).toBe('gzip');
		const html = await response.text();
		expect(html).toContain('<html');
		const previewUrl = /href="(\/generated\/map\/preview\.[0-9a-f]{12}\.svg)"/.exec(html)?.[1];
		expect(previewUrl).toBeTruthy();
		const svg = await fetch(server.url + previewUrl!);
		expect(svg.status).toBe(200);
		expect(svg.headers.get('content-type')).toContain('image/svg+xml');
		expect(await svg.text()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 1000 \d+"/);

		const { page } = await harness.newPage({ viewport: { width: 390, height: 844 }, bypassCSP: true });
		const requested: string[] = [];
		page.on('request', (request) => requested.push(request.url()));
		await gotoHydrated(page, server.url + '/');
		const preview = page.getByTestId('map-preview');
		const shelters = (await (await fetch(server.url + '/api/shelters')).json()) as { features: unknown[] };
		await expect.poll(() => preview.locator('circle, rect').count()).toBe(shelters.features.length);
		await page.waitForTimeout(1_500);
		expect(requested.filter((url) => mapFiles.test(url))).toEqual([]);
		expect(await page.locator('[data-map-status]').count()).toBe(0);
		// The basemap's sources are credited on the preview, as on the full map.
		await preview.getByText('地図の出典').click();
		const credit = await preview.getByTestId('map-preview-credit').innerText();
		expect(credit).toContain('国土数値情報（行政区域データ）');
		expect(credit).toContain('国土数値情報（鉄道データ）');
		await preview.getByText('地図の出典').click(); // folded again, as a resident would
		expect(await axeViolations(page, { bestPractice: true })).toEqual([]);

		await preview.getByRole('button', { name: '詳しい地図を開く' }).click();
		await expect
			.poll(() => page.locator('[data-map-status]').getAttribute('data-map-status'), { timeout: 30_000 })
			.toBe('ready');
		expect(await preview.count()).toBe(0);
		expect(requested.some((url) => /\.pmtiles/.test(url))).toBe(true);

		// The next visit on this device starts the map without being asked.
		await page.reload();
		await expect
			.poll(() => page.locator('[data-map-status]').getAttribute('data-map-status'), { timeout: 30_000 })
			.toBe('ready');

		// 「簡易地図に戻す」: the light map again, and no longer remembered.
		await page.getByRole('button', { name: '簡易地図に戻す' }).click();
		await expect.poll(() => preview.count()).toBe(1);
		expect(await page.locator('[data-map-status]').count()).toBe(0);
		await page.reload();
		await page.waitForSelector('html[data-hydrated="true"]');
		await page.waitForTimeout(1_000);
		expect(await preview.count()).toBe(1);
		expect(await page.locator('[data-map-status]').count()).toBe(0);
	});

	it('a wide screen opens the full map at once, with no CSP violation on the way', async () => {
		const { page } = await harness.newPage({ viewport: { width: 1280, height: 800 } });
		// zod's JIT probe (new Function) used to be refused by our CSP on every page: now jitless.
		await page.addInitScript(() => {
			const seen: string[] = [];
			(window as unknown as { __csp: string[] }).__csp = seen;
			document.addEventListener('securitypolicyviolation', (event) =>
				seen.push(`${event.violatedDirective} ${event.blockedURI}`)
			);
		});
		await gotoHydrated(page, server.url + '/');
		await expect
			.poll(() => page.locator('[data-map-status]').getAttribute('data-map-status'), { timeout: 30_000 })
			.toBe('ready');
		expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
	});

	it('in the dark theme the preview shows the dark basemap, and passes axe', async () => {
		const { page } = await harness.newPage({
			viewport: { width: 390, height: 844 },
			colorScheme: 'dark',
			bypassCSP: true // only so that axe can be injected
		});
		await gotoHydrated(page, server.url + '/');
		const shown = await page
			.getByTestId('map-preview')
			.locator('image')
			.evaluateAll((images) =>
				images
					.filter((image) => getComputedStyle(image).display !== 'none')
					.map((image) => image.getAttribute('href'))
			);
		expect(shown).toHaveLength(1);
		expect(shown[0]).toMatch(/\/preview-dark\.[0-9a-f]{12}\.svg$/);
		expect(await axeViolations(page, { bestPractice: true })).toEqual([]);
	});
});
