/**
 * Offline after one visit, in real Chromium with the app's real service worker: load /, let the
 * worker install (it precaches the shell, every page, the map files and the PMTiles archive), go
 * offline with `context.setOffline(true)`, reload. The map must still draw basemap tiles (range
 * reads answered by slicing the cached archive) and shelter symbols, the list and the last known
 * status must show with their age (the list within 5 s of the reload, and before the map), the
 * sheet's peek must offer the open shelter, and other screens (/staff, a shelter page, /kiosk) must open.
 */
import { describe, expect, inject, it } from 'vitest';
import { call, reportFor, signIn } from '../support/api.ts';
import { gotoHydrated, phoneViewport, useBrowser } from '../support/browser.ts';
import { komae, listedIds, renderedMap } from './resident-helpers.ts';

const baseURL = inject('baseURL');
const accounts = inject('accounts');
const harness = useBrowser();

// The only errors allowed are the network failures we cause by going offline.
const offlineErrors = [
	/ERR_INTERNET_DISCONNECTED/,
	/Failed to fetch/,
	/Failed to load resource/,
	/NetworkError/
];

describe('resident app offline', () => {
	it('after one visit, reload offline shows the map, tiles, shelter list and last status', async () => {
		// A real status to remember: HQ opens one shelter through the API.
		const shelter = komae.shelters.find(
			(s) => s.inside_city && s.kind !== 'emergency_site' && s.hazards.includes('flood')
		)!;
		const { access_token } = await signIn(baseURL, accounts.hq);
		const report = await call(baseURL, 'POST', '/api/reports', {
			token: access_token,
			body: reportFor(shelter.id, { status: 'open', crowding: 'slightly_crowded' })
		});
		expect(report.status).toBeLessThan(300);

		const { page, context } = await harness.newPage({ viewport: phoneViewport, allowErrors: offlineErrors });
		await gotoHydrated(page, baseURL + '/');
		await page.waitForSelector('[data-testid="snapshot-age"]');
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
		});
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
			timeout: 30_000
		});
		const online = await renderedMap(page);
		expect(online.shelters.length).toBeGreaterThan(0);
		const statusOnline = await page.evaluate(async (id) => {
			const response = await fetch('/api/shelters');
			const body = (await response.json()) as {
				features: { properties: { id: string; status: { status: string } | null } }[];
			};
			return body.features.find((f) => f.properties.id === id)?.properties.status?.status ?? null;
		}, shelter.id);
		expect(statusOnline).not.toBeNull();

		await context.setOffline(true);
		const reloadedAt = Date.now();
		await page.reload();
		// Text first: the list (from the service worker and IndexedDB) does not wait for the map.
		await page.waitForSelector('[data-testid="shelter-list"] article');
		const toList = Date.now() - reloadedAt;
		console.log(`offline repeat visit: list after ${toList} ms`);
		expect(toList).toBeLessThan(5_000);
		await page.waitForSelector('html[data-hydrated="true"]');
		expect(await page.locator('h1').first().textContent()).toBe('避難所マップ');

		const offline = await renderedMap(page);
		expect(offline.basemap).toBeGreaterThan(0);
		expect(offline.shelters.length).toBeGreaterThan(0);

		// Shelter list and the remembered status, with its age and the offline notice.
		await expect.poll(async () => (await listedIds(page)).length).toBeGreaterThan(0);
		await expect
			.poll(() => page.locator('[data-testid="snapshot-age"]').textContent())
			.toMatch(/前に取得|たった今取得/);
		await expect.poll(() => page.getByText('通信できません').count()).toBeGreaterThan(0);
		// In the app's one offline style (global.css .offline-state), as on every screen.
		expect(await page.locator('.offline-state', { hasText: '通信できません' }).count()).toBe(1);
		await page.getByLabel('洪水', { exact: true }).check();
		const more = page.getByRole('button', { name: 'もっと表示する' });
		while (await more.count()) await more.click();
		const item = page.locator(`article[data-shelter-id="${shelter.id}"]`);
		await expect.poll(() => item.locator('[data-status]').getAttribute('data-status')).toBe(statusOnline);

		// Range reads of the PMTiles archive are answered from the one cached 200 (206, exact bytes).
		const ranged = await page.evaluate(async () => {
			const manifest = (await (await fetch('/generated/map/manifest.json')).json()) as { basemap: string };
			const response = await fetch(manifest.basemap, { headers: { range: 'bytes=0-126' } });
			const bytes = new Uint8Array(await response.arrayBuffer());
			return {
				status: response.status,
				length: bytes.length,
				range: response.headers.get('content-range'),
				magic: String.fromCharCode(...bytes.slice(0, 7)),
				version: bytes[7]
			};
		});
		expect(ranged).toMatchObject({ status: 206, length: 127, magic: 'PMTiles', version: 3 });
		expect(ranged.range).toMatch(/^bytes 0-126\/\d+$/);

		// Glyphs offline: Latin-1 was precached (real SDF glyphs); an empty range (Japanese is drawn
		// with the device's font) is answered by the worker itself, never a network error.
		const glyphSizes = await page.evaluate(async () => {
			const size = async (range: string) => {
				const response = await fetch(`/generated/map/glyphs/Noto%20Sans%20Regular/${range}.pbf`);
				return { status: response.status, bytes: (await response.arrayBuffer()).byteLength };
			};
			return { latin: await size('0-255'), kana: await size('12288-12543') };
		});
		expect(glyphSizes.latin.status).toBe(200);
		expect(glyphSizes.latin.bytes).toBeGreaterThan(10_000);
		expect(glyphSizes.kana).toEqual({ status: 200, bytes: 0 });

		// The 町丁目 picker works offline (prerendered list), and the peek then shows the nearest
		// open flood shelters from the remembered status.
		await page.selectOption('#town-select', komae.towns[0].name);
		await expect
			.poll(() => page.getByTestId('peek').locator('li[data-shelter-id]').count())
			.toBeGreaterThan(0);

		// Other screens open offline too: a shelter page, the staff terminal, the kiosk.
		await page.goto(`${baseURL}/shelters/${encodeURIComponent(shelter.id)}`);
		await page.waitForSelector('html[data-hydrated="true"]');
		await expect.poll(() => page.locator('h1').textContent()).toBe(shelter.name);
		const staff = await page.goto(`${baseURL}/staff`);
		expect(staff?.status()).toBe(200);
		expect(await page.locator('h1').first().textContent()).toContain('避難所職員');
		await page.goto(`${baseURL}/kiosk?lon=139.5786&lat=35.6348&name=狛江市役所`);
		await page.waitForSelector('html[data-hydrated="true"]');
		expect(await page.locator('h1').textContent()).toBe('避難所案内');
	});
});
