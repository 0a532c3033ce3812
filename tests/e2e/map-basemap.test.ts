/**
 * /map in real Chromium: our own PMTiles basemap renders with Japanese labels (local CJK font)
 * and Latin labels (our Noto Sans glyph PBFs), the shelters overlay is drawn from the generated
 * GeoJSON, a click on a shelter selects it, and the hazard toggle says no data is installed.
 * Everything is served by the app itself: no request leaves 127.0.0.1.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { gotoHydrated, phoneViewport, useBrowser } from '../support/browser.ts';
import { waitForMapIdle } from '../support/map.ts';

const baseURL = inject('baseURL');
const harness = useBrowser();

interface RenderedSummary {
	styleName: string;
	towns: string[];
	cityLabels: { name: string; name_en: string }[];
	roadLabels: string[];
	stations: string[];
	shelters: { id: string; name: string; kind: string }[];
	zoom: number;
	bounds: [number, number, number, number];
}

/** Waits for the map to be idle with its overlays, then lists what it actually drew. */
async function rendered(page: Page): Promise<RenderedSummary> {
	await waitForMapIdle(page);
	return page.evaluate(async () => {
		const map = (window as unknown as { __bosaiMap: import('maplibre-gl').Map }).__bosaiMap;
		const props = (layer: string) => map.queryRenderedFeatures({ layers: [layer] }).map((f) => f.properties);
		const b = map.getBounds();
		return {
			styleName: map.getStyle().name ?? '',
			towns: props('town-labels').map((p) => String(p.name)),
			cityLabels: props('city-label').map((p) => ({ name: String(p.name), name_en: String(p.name_en) })),
			roadLabels: props('road-labels').map((p) => `${p.name} (${p.ref})`),
			stations: props('stations').map((p) => String(p.name)),
			shelters: props('shelters-icons').map((p) => ({
				id: String(p.id),
				name: String(p.name),
				kind: String(p.kind)
			})),
			zoom: map.getZoom(),
			bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
		};
	});
}

describe('/map basemap', () => {
	it('draws our basemap with Japanese and Latin labels and the shelters layer', async () => {
		const { page } = await harness.newPage({ viewport: { width: 900, height: 1000 } });
		const requests: string[] = [];
		page.on('request', (request) => requests.push(request.url()));
		const glyphs: { url: string; status: number }[] = [];
		page.on('response', (response) => {
			if (response.url().includes('/generated/map/glyphs/'))
				glyphs.push({ url: response.url(), status: response.status() });
		});
		await gotoHydrated(page, baseURL + '/map');
		const summary = await rendered(page);
		mkdirSync('test-results', { recursive: true });
		await page.screenshot({ path: 'test-results/map-basemap.png' });

		expect(summary.styleName).toBe('bosai-map light');
		// Japanese: 町丁目 labels of Komae and station names (from N02), drawn with the local font.
		expect(summary.towns.length).toBeGreaterThan(5);
		expect(
			summary.towns.some((name) => /^(岩戸南|駒井町|元和泉|猪方|東和泉|西野川|和泉本町)/.test(name))
		).toBe(true);
		// Latin: the city label's second line and a road number come from our glyph PBFs.
		expect(summary.cityLabels).toContainEqual({ name: '狛江市', name_en: 'Komae' });
		expect(glyphs.length).toBeGreaterThan(0);
		expect(glyphs.every((g) => g.status === 200)).toBe(true);
		expect(glyphs.some((g) => /Noto%20Sans%20(Bold|Regular)\/0-255\.pbf$/.test(g.url))).toBe(true);
		// The shelters overlay: all 47 imported places inside the view at this zoom, kinds intact.
		expect(summary.shelters.length).toBeGreaterThanOrEqual(40);
		const third = summary.shelters.find((s) => s.name === '狛江第三中学校');
		expect(third?.kind).toBe('both');
		// Nothing was fetched from anywhere but the app.
		expect(
			requests.filter(
				(url) => !url.startsWith(baseURL) && !url.startsWith('blob:') && !url.startsWith('data:')
			)
		).toEqual([]);
	});

	it('selects a shelter by clicking its icon, and says that no hazard data is installed', async () => {
		const { page } = await harness.newPage({ viewport: phoneViewport });
		await gotoHydrated(page, baseURL + '/map');
		await rendered(page);
		await expect.poll(() => page.getByTestId('no-hazard-data').isVisible()).toBe(true);
		expect(await page.getByRole('checkbox', { name: /ハザード/ }).isDisabled()).toBe(true);

		const point = await page.evaluate(() => {
			const map = (window as unknown as { __bosaiMap: import('maplibre-gl').Map }).__bosaiMap;
			const [feature] = map.queryRenderedFeatures({ layers: ['shelters-icons'] });
			const [lon, lat] = (feature.geometry as GeoJSON.Point).coordinates;
			const p = map.project([lon, lat]);
			const rect = map.getCanvas().getBoundingClientRect();
			return { x: rect.left + p.x, y: rect.top + p.y, name: String(feature.properties.name) };
		});
		await page.mouse.click(point.x, point.y);
		await expect
			.poll(() => page.getByRole('status').filter({ hasText: '選択中' }).textContent())
			.toContain(point.name);
	});

	it('follows a dark colour scheme with the dark style', async () => {
		const { page } = await harness.newPage({ viewport: phoneViewport, colorScheme: 'dark' });
		await gotoHydrated(page, baseURL + '/map');
		const summary = await rendered(page);
		expect(summary.styleName).toBe('bosai-map dark');
		expect(summary.shelters.length).toBeGreaterThan(0);
		await page.screenshot({ path: 'test-results/map-dark.png' });
	});

	it("follows the display menu's theme over the system's (dark chosen on a light system)", async () => {
		const { page, context } = await harness.newPage({ viewport: phoneViewport, colorScheme: 'light' });
		await context.addInitScript(() => localStorage.setItem('bosai.theme', 'dark'));
		await gotoHydrated(page, baseURL + '/map');
		expect((await rendered(page)).styleName).toBe('bosai-map dark');
	});
});

describe('/map accessibility', () => {
	it('has zero axe-core WCAG 2.2 AA violations at 360 px with the map drawn, and a list alternative', async () => {
		// CSP forbids inline scripts: the context bypasses it only so axe can be injected.
		const { page } = await harness.newPage({ viewport: phoneViewport, bypassCSP: true });
		await gotoHydrated(page, baseURL + '/map');
		const summary = await rendered(page);
		const violations = await axeViolations(page);
		expect(violations).toEqual([]);
		// The list holds every shelter the map draws, each with a named "show on map" button.
		const items = page.locator('.shelter-list li');
		expect(await items.count()).toBe(47);
		expect(summary.shelters.length).toBeLessThanOrEqual(47);
		await page.getByRole('button', { name: /地図で見る.*狛江第三中学校/ }).click();
		await expect
			.poll(() => page.locator('li.selected').getAttribute('data-shelter-id'))
			.toBe('E1321900008111');
	});
});
