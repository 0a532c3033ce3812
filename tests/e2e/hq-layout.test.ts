/**
 * The HQ screen as one operations-room view (1440×900): map and ≥ 10 table rows on screen without
 * page scroll, selection linked both ways, a staff report updating table and map live, MapLibre's
 * own zoom buttons, the tablist and shortcuts, and axe in both themes. One page, one sign-in.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { call, reportFor, signIn } from '../support/api.ts';
import { rawKeysShown } from '../support/raw-keys.ts';
import { axeViolations } from '../support/axe.ts';
import { gotoHydrated, useBrowser } from '../support/browser.ts';

const baseURL = inject('baseURL');
const accounts = inject('accounts');
const harness = useBrowser();

type MapProbe = {
	__bosaiMap: {
		loaded(): boolean;
		project(lngLat: [number, number]): { x: number; y: number };
		queryRenderedFeatures(options: { layers: string[] }): { properties: Record<string, unknown> }[];
		getCanvas(): HTMLCanvasElement;
		jumpTo(options: { center: [number, number]; zoom: number }): void;
	};
};

async function mapIdle(page: Page) {
	await page.waitForFunction(
		() => (window as unknown as Partial<MapProbe>).__bosaiMap?.loaded() === true,
		null,
		{
			timeout: 30_000
		}
	);
}

/** Ids of the features drawn in a layer (what the map really rendered, not what we handed it). */
function renderedIds(page: Page, layer: string) {
	return page.evaluate(
		(layer) =>
			(window as unknown as MapProbe).__bosaiMap
				.queryRenderedFeatures({ layers: [layer] })
				.map((f) => String(f.properties.id)),
		layer
	);
}

const row = (id: string) => `#hq-shelter-table tr[data-shelter-id="${id}"]`;

describe('HQ on one screen (1440×900)', () => {
	it('map and table side by side, linked both ways, live, with MapLibre’s zoom icons; axe in both themes', async () => {
		const { page } = await harness.newPage({ viewport: { width: 1440, height: 900 } });
		await gotoHydrated(page, `${baseURL}/hq`);
		await page.fill('#hq-username', accounts.hq.username);
		await page.fill('#hq-password', accounts.hq.password);
		await page.click('form button[type="submit"]');
		await page.waitForSelector('[data-live-state="live"]');
		await page.waitForSelector('#hq-shelter-table tbody tr');
		await mapIdle(page);
		// Every message translated: no key of an area not loaded for /hq (print.* showed raw once).
		expect(await rawKeysShown(page)).toEqual([]);

		if (process.env.BOSAI_SHOT) await page.screenshot({ path: process.env.BOSAI_SHOT });
		// One screen: no page scroll; the canvas and ≥ 10 rows are inside the viewport.
		const layout = await page.evaluate(() => {
			const inView = (el: Element) => {
				const r = el.getBoundingClientRect();
				return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
			};
			const canvas = document.querySelector('.maplibregl-canvas')!;
			const box = canvas.getBoundingClientRect();
			return {
				scroll: document.documentElement.scrollHeight - innerHeight,
				canvas: inView(canvas) && box.width > 300 && box.height > 250,
				rows: [...document.querySelectorAll('#hq-shelter-table tbody tr')].filter(inView).length
			};
		});
		expect(layout.scroll).toBeLessThanOrEqual(0);
		expect(layout.canvas).toBe(true);
		expect(layout.rows).toBeGreaterThanOrEqual(10);

		// MapLibre's zoom buttons keep MapLibre's look: 29 px square, icon drawn by a background image.
		const zoom = await page.evaluate(() => {
			const button = document.querySelector('.maplibregl-ctrl-zoom-in')!;
			const icon = button.querySelector('.maplibregl-ctrl-icon')!;
			const b = getComputedStyle(button);
			const i = getComputedStyle(icon);
			return {
				width: button.getBoundingClientRect().width,
				height: button.getBoundingClientRect().height,
				padding: b.paddingLeft,
				iconWidth: icon.getBoundingClientRect().width,
				iconImage: i.backgroundImage
			};
		});
		expect(zoom.width).toBeGreaterThanOrEqual(29);
		expect(zoom.height).toBeGreaterThanOrEqual(29);
		expect(zoom.height).toBeLessThan(40);
		expect(zoom.padding).toBe('0px');
		expect(zoom.iconWidth).toBeGreaterThanOrEqual(29);
		expect(zoom.iconImage).toMatch(/^url\("data:image\/svg\+xml/);

		// Table → map: selecting a row draws the selection ring on that shelter.
		const target = accounts.staffA.shelter_id;
		await page.click(`${row(target)} .row-select`);
		await page.waitForSelector(`${row(target)}.selected`);
		await page.waitForFunction(
			(id) =>
				(window as unknown as MapProbe).__bosaiMap
					.queryRenderedFeatures({ layers: ['hq-selected-ring'] })
					.some((f) => f.properties.id === id),
			target,
			{ timeout: 10_000 }
		);
		expect(await renderedIds(page, 'hq-selected-ring')).toEqual([target]);

		// Map → table: a click on another shelter's dot selects its row.
		const other = accounts.staffB.shelter_id;
		const collection = (await (await fetch(`${baseURL}/api/shelters`)).json()) as {
			features: { properties: { id: string }; geometry: { coordinates: [number, number] } }[];
		};
		const lngLat = collection.features.find((f) => f.properties.id === other)?.geometry.coordinates ?? null;
		expect(lngLat).not.toBeNull();
		await page.evaluate(
			([lon, lat]) => (window as unknown as MapProbe).__bosaiMap.jumpTo({ center: [lon, lat], zoom: 16 }),
			lngLat!
		);
		await mapIdle(page);
		const point = await page.evaluate((ll) => {
			const map = (window as unknown as MapProbe).__bosaiMap;
			const p = map.project(ll);
			const r = map.getCanvas().getBoundingClientRect();
			return { x: r.left + p.x, y: r.top + p.y };
		}, lngLat!);
		await page.mouse.click(point.x, point.y);
		await page.waitForSelector(`${row(other)}.selected`, { timeout: 5_000 });
		expect(await page.locator('#hq-shelter-table tr.selected').count()).toBe(1);

		// The map-view filter: zoomed in on one shelter, the table keeps only what the map shows.
		const total = await page.locator('#hq-shelter-table tbody tr').count();
		await page.check('#hq-view-filter');
		await page.waitForFunction(
			(total) => document.querySelectorAll('#hq-shelter-table tbody tr').length < total,
			total
		);
		expect(await page.locator(row(other)).count()).toBe(1);
		// "v" (here with the checkbox still focused: a choice, not typing) turns the filter off.
		await page.keyboard.press('v');
		await page.waitForFunction(
			(total) => document.querySelectorAll('#hq-shelter-table tbody tr').length === total,
			total
		);

		// A report sent as staff updates the table and the map's label, live.
		const staff = (await signIn(baseURL, accounts.staffB)).access_token;
		const evacuees = 100 + Math.floor(Math.random() * 800);
		const sent = await call(baseURL, 'POST', '/api/reports', {
			token: staff,
			body: reportFor(other, { evacuees, status: 'open' })
		});
		expect(sent.status).toBeLessThan(300);
		await page.waitForSelector(`${row(other)} td[data-col="evacuees"]:text-is("${evacuees}")`, {
			timeout: 5_000
		});
		await page.waitForFunction(
			({ id, label }) =>
				(window as unknown as MapProbe).__bosaiMap
					.queryRenderedFeatures({ layers: ['hq-shelters-circles'] })
					.some((f) => f.properties.id === id && String(f.properties.label).includes(label)),
			{ id: other, label: String(evacuees) },
			{ timeout: 10_000 }
		);

		// Tabs: a real tablist; arrow keys move; "?" lists the shortcuts.
		await page.focus('[role="tab"][aria-selected="true"]');
		await page.keyboard.press('ArrowRight');
		expect(await page.getAttribute('[role="tab"][data-tab="orders"]', 'aria-selected')).toBe('true');
		expect(await page.isVisible('#hq-panel-orders')).toBe(true);
		expect(await page.isVisible('#hq-panel-alerts')).toBe(false);
		await page.keyboard.press('9');
		expect(await page.getAttribute('[role="tab"][data-tab="data"]', 'aria-selected')).toBe('true');
		await page.keyboard.press('?');
		await page.waitForSelector('#hq-keys[open]');
		expect(await page.textContent('#hq-keys')).toContain('地図の範囲');
		await page.keyboard.press('Escape');
		await page.waitForSelector('#hq-keys', { state: 'hidden' });

		expect(await axeViolations(page)).toEqual([]);
		// Dark theme from the display menu: applied at once, kept across a reload, axe clean.
		await page.click('.display-menu summary');
		await page.check('input[name="look-theme"][value="dark"]');
		expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
		await page.reload();
		await page.waitForSelector('#hq-shelter-table tbody tr');
		expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
		expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(
			'rgb(18, 18, 18)'
		);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('1920×1080: still one screen', async () => {
		const { page } = await harness.newPage({ viewport: { width: 1920, height: 1080 } });
		await gotoHydrated(page, `${baseURL}/hq`);
		await page.fill('#hq-username', accounts.hq.username);
		await page.fill('#hq-password', accounts.hq.password);
		await page.click('form button[type="submit"]');
		await page.waitForSelector('#hq-shelter-table tbody tr');
		expect(
			await page.evaluate(() => document.documentElement.scrollHeight - innerHeight)
		).toBeLessThanOrEqual(0);
	});
});
