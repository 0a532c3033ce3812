/**
 * Journey (issue 15): on a phone (390×844) I choose 洪水 and my position (the map's location
 * button, Chromium's geolocation set to a real 町丁目 point) and see the nearest suitable open
 * shelter in the first viewport, without scrolling. Its own server and data dir: HQ opens and fills
 * real shelters through the API so that the nearest flood shelter is full, a nearer shelter that
 * is not designated for flood is open, and the answer is computed here from the importer's data.
 * Then "地図で見る" centres that shelter on the map and opens its card.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, call, reportFor, signIn, type TestAccount } from '../support/api.ts';
import { gotoHydrated, useBrowser } from '../support/browser.ts';
import { waitForMapIdle } from '../support/map.ts';
import { startServer, tempDataDir, type RunningServer } from '../support/server.ts';
import { komae, metres } from './resident-helpers.ts';

const harness = useBrowser();
let server: RunningServer;
let hq: TestAccount;

beforeAll(async () => {
	const dataDir = tempDataDir('bosai-journey-flood-');
	hq = addAccount(dataDir, 'journey-flood-hq', 'hq');
	server = await startServer({ dataDir });
});
afterAll(async () => {
	await server?.stop();
});

describe('resident journey: flood, my position, the nearest open shelter', () => {
	it('shows the nearest open flood shelter (not full) in the first viewport, then focuses it on the map', async () => {
		const me = komae.towns.find((town) => town.name === '岩戸南四丁目')!;
		const byDistance = komae.shelters
			.filter((s) => s.inside_city)
			.map((s) => ({ s, d: metres(me, s) }))
			.sort((a, b) => a.d - b.d);
		const flood = byDistance.filter(({ s }) => s.hazards.includes('flood'));
		const notFlood = byDistance.find(({ s }) => !s.hazards.includes('flood'))!;
		expect(notFlood.d).toBeLessThan(flood[1].d);
		const full = flood[0].s;
		const want = flood[1].s;
		const second = flood[3].s;

		const { access_token } = await signIn(server.url, hq);
		for (const [id, crowding] of [
			[full.id, 'full'],
			[want.id, 'vacant'],
			[second.id, 'crowded'],
			[notFlood.s.id, 'vacant']
		] as const) {
			const sent = await call(server.url, 'POST', '/api/reports', {
				token: access_token,
				body: reportFor(id, { status: 'open', crowding })
			});
			expect(sent.status).toBeLessThan(300);
		}

		const viewport = { width: 390, height: 844 };
		const { page, context } = await harness.newPage({
			viewport,
			geolocation: { latitude: me.lat, longitude: me.lon },
			permissions: ['geolocation']
		});
		await gotoHydrated(page, server.url + '/');
		await context.setGeolocation({ latitude: me.lat, longitude: me.lon });
		await page.getByLabel('洪水', { exact: true }).check();
		await page.locator('.resident-map').getByRole('button', { name: '現在地を使う' }).click();

		const peek = page.getByTestId('peek');
		const first = peek.locator('li').first();
		await expect.poll(() => first.getAttribute('data-shelter-id'), { timeout: 15_000 }).toBe(want.id);
		expect(await peek.locator('li').evaluateAll((items) => items.map((li) => li.dataset.shelterId))).toEqual([
			want.id,
			second.id
		]);
		expect(await peek.locator('h2').textContent()).toContain('洪水');

		// In the first viewport, unscrolled, and not covered by anything: name, distance and
		// direction, status and its age.
		expect(await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);
		expect(
			await page
				.getByTestId('sheet')
				.locator('.body')
				.evaluate((body) => body.scrollTop)
		).toBe(0);
		const box = (await first.boundingBox())!;
		expect(box.y).toBeGreaterThanOrEqual(0);
		expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
		expect(
			await first.evaluate((li) => {
				const r = li.getBoundingClientRect();
				return li.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
			})
		).toBe(true);
		expect(await first.textContent()).toContain(want.name);
		const away = first.locator('.away');
		expect(await away.textContent()).toMatch(/^(北|北東|東|南東|南|南西|西|北西)へ \d/);
		expect(Math.abs(Number(await away.getAttribute('data-distance')) - flood[1].d)).toBeLessThan(5);
		expect(await first.textContent()).toMatch(/開設/);
		expect(await first.textContent()).toMatch(/たった今 更新|\d+ 分前に更新/);
		expect(await page.getByTestId('position-summary').textContent()).toBe('位置：現在地');

		// 地図で見る: the card opens at the top of the sheet and the map centres the shelter.
		await first.getByRole('button', { name: /地図で見る/ }).click();
		const card = page.getByTestId('shelter-card');
		await expect.poll(() => card.textContent()).toContain(want.name);
		expect(await card.getByRole('link', { name: '詳しく見る・道順' }).getAttribute('href')).toBe(
			`/shelters/${want.id}`
		);
		await waitForMapIdle(page);
		await expect
			.poll(
				() =>
					page.evaluate(() => {
						const map = (window as unknown as { __bosaiMap: import('maplibre-gl').Map }).__bosaiMap;
						const { lng, lat } = map.getCenter();
						return { lon: lng, lat };
					}),
				{ timeout: 10_000 }
			)
			.toSatisfy((center: { lon: number; lat: number }) => metres(center, want) < 30);
	});
});
