/**
 * Optional online layers on /map. The official tile hosts are NOT contacted: the browser's
 * requests to cyberjapandata.gsi.go.jp / disaportaldata.gsi.go.jp are routed to a local tile
 * server on 127.0.0.1 that serves SYNTHETIC PNG tiles (a flat colour per layer) and 404 for the
 * hazard layer outside a synthetic "hazard" area, like the real hazard portal does.
 */
import { createServer, type Server } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { keepUrls, onlineLayers } from '../../src/lib/map/online-layers.ts';
import { encodePng } from '../../tiles/png.ts';
import { gotoHydrated, phoneViewport, useBrowser } from '../support/browser.ts';

const baseURL = inject('baseURL');
const harness = useBrowser();
const komaeBbox = [139.54, 35.6, 139.61, 35.66] as const;

let server: Server;
let tileBase = '';
const served: string[] = [];

function syntheticTile(rgb: [number, number, number]): Uint8Array {
	const rgba = new Uint8Array(256 * 256 * 4);
	for (let i = 0; i < rgba.length; i += 4) rgba.set([...rgb, 160], i);
	return encodePng(256, 256, rgba);
}
const paleTile = syntheticTile([200, 220, 200]);
const floodTile = syntheticTile([255, 216, 192]);

beforeAll(async () => {
	server = createServer((request, response) => {
		const path = request.url ?? '';
		served.push(path);
		const headers = { 'content-type': 'image/png', 'access-control-allow-origin': '*' };
		if (path.startsWith('/xyz/pale/')) return void response.writeHead(200, headers).end(paleTile);
		// Synthetic hazard area: only even x tiles have flood data; the rest is a 404 like the portal's.
		const flood = /^\/raster\/01_flood_l2_shinsuishin_data\/\d+\/(\d+)\/\d+\.png$/.exec(path);
		if (flood && Number(flood[1]) % 2 === 0) return void response.writeHead(200, headers).end(floodTile);
		response.writeHead(404, { 'access-control-allow-origin': '*' }).end();
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const address = server.address();
	tileBase = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** Sends the browser's requests for the official hosts to the local synthetic tile server. */
async function routeTiles(context: BrowserContext) {
	await context.route(/^https:\/\/(cyberjapandata|disaportaldata)\.gsi\.go\.jp\//, async (route) => {
		const url = new URL(route.request().url());
		const response = await fetch(tileBase + url.pathname);
		await route.fulfill({
			status: response.status,
			headers: Object.fromEntries(response.headers),
			body: Buffer.from(await response.arrayBuffer())
		});
	});
}

async function mapReady(page: Page) {
	await page.waitForSelector('[data-map-status="ready"]', { timeout: 30_000 });
}

const hasLayer = (page: Page, id: string) =>
	page.evaluate(
		(layer) => !!(window as unknown as { __bosaiMap: import('maplibre-gl').Map }).__bosaiMap.getLayer(layer),
		id
	);

describe('/map online layers', () => {
	it('are off by default, load from the (local) tile server when switched on, and are attributed', async () => {
		const { page, context } = await harness.newPage({ viewport: phoneViewport });
		await routeTiles(context);
		served.length = 0;
		await gotoHydrated(page, baseURL + '/map');
		await mapReady(page);
		const pale = page.getByRole('checkbox', { name: '地理院タイル（淡色地図）' });
		expect(await pale.isChecked()).toBe(false);
		expect(await hasLayer(page, 'online-gsi-pale')).toBe(false);
		expect(served).toEqual([]);

		await pale.check();
		await expect.poll(() => hasLayer(page, 'online-gsi-pale')).toBe(true);
		await expect.poll(() => served.filter((p) => p.startsWith('/xyz/pale/')).length).toBeGreaterThan(0);
		await page
			.locator('.maplibregl-ctrl-attrib-button')
			.click()
			.catch(() => {});
		await expect.poll(() => page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('地理院タイル');

		await pale.uncheck();
		await expect.poll(() => hasLayer(page, 'online-gsi-pale')).toBe(false);
	});

	it('keeps the Komae extent z12–16 in Cache Storage and still shows the kept layer offline', async () => {
		// Chromium logs every 404 as a console error; 404 is how the hazard portal says "no hazard here".
		const { page, context } = await harness.newPage({
			viewport: phoneViewport,
			allowErrors: [/Failed to load resource: .*404.*disaportaldata\.gsi\.go\.jp\/raster\/01_flood_l2/]
		});
		await routeTiles(context);
		await gotoHydrated(page, baseURL + '/map');
		await mapReady(page);
		await page.getByRole('checkbox', { name: '地理院タイル（淡色地図）' }).check();
		await page.getByRole('checkbox', { name: '洪水浸水想定区域（想定最大規模）' }).check();
		await page.getByRole('button', { name: /オフライン用に保存/ }).click();

		const pale = onlineLayers.find((l) => l.id === 'gsi-pale')!;
		const flood = onlineLayers.find((l) => l.id === 'flood-l2')!;
		const paleUrls = keepUrls(pale, komaeBbox);
		const floodStored = keepUrls(flood, komaeBbox).filter((url) => Number(url.split('/').at(-2)) % 2 === 0);
		const total = paleUrls.length + keepUrls(flood, komaeBbox).length;
		await expect
			.poll(() => page.getByTestId('online-status').textContent(), { timeout: 30_000 })
			.toContain(`${total}枚`);
		const cached = await page.evaluate(async () =>
			(await (await caches.open('bosai-online-tiles-v1')).keys()).map((r) => r.url)
		);
		expect(cached.sort()).toEqual([...paleUrls, ...floodStored].sort());
		expect(paleUrls.length).toBeGreaterThan(50);

		await context.setOffline(true);
		await expect.poll(() => page.getByTestId('online-offline').isVisible()).toBe(true);
		// Both kept layers stay available offline; a layer never kept is disabled.
		expect(await page.getByRole('checkbox', { name: '地理院タイル（淡色地図）' }).isChecked()).toBe(true);
		expect(await page.getByRole('checkbox', { name: '内水浸水想定区域' }).isDisabled()).toBe(true);
		const before = served.length;
		await page.evaluate(() =>
			(window as unknown as { __bosaiMap: import('maplibre-gl').Map }).__bosaiMap.zoomIn()
		);
		await expect
			.poll(() =>
				page.evaluate(() =>
					(window as unknown as { __bosaiMap: import('maplibre-gl').Map }).__bosaiMap.areTilesLoaded()
				)
			)
			.toBe(true);
		expect(await hasLayer(page, 'online-gsi-pale')).toBe(true);
		expect(served.length).toBe(before);
	});
});
