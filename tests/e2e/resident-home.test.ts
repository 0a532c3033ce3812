/**
 * The resident home (/) in real Chromium at 360×740, on its OWN server and data dir (so reports
 * of other tests cannot reorder the list): the map draws our basemap tiles and the shelters; a
 * hazard and a 町丁目 give the nearest shelters designated for that hazard, computed here
 * independently from the importer's real GSI coordinates; a closed shelter (reported through the
 * API by an HQ account made with the users CLI) ranks after open ones; languages switch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hazard } from '#lib/domain/vocabulary.ts';
import { addAccount, call, reportFor, signIn, type TestAccount } from '../support/api.ts';
import { gotoHydrated, phoneViewport, useBrowser } from '../support/browser.ts';
import { startServer, tempDataDir, type RunningServer } from '../support/server.ts';
import { chooseHazardAndTown, komae, listedIds, metres, renderedMap } from './resident-helpers.ts';

const harness = useBrowser();
let server: RunningServer;
let hq: TestAccount;

beforeAll(async () => {
	const dataDir = tempDataDir('bosai-resident-');
	hq = addAccount(dataDir, 'resident-test-hq', 'hq');
	server = await startServer({ dataDir });
});
afterAll(async () => {
	await server?.stop();
});

function expectedNearest(hazard: Hazard, townName: string, count: number): string[] {
	const town = komae.towns.find((candidate) => candidate.name === townName)!;
	return komae.shelters
		.filter((shelter) => shelter.hazards.includes(hazard))
		.map((shelter) => ({ id: shelter.id, d: metres(town, shelter) }))
		.sort((a, b) => a.d - b.d)
		.slice(0, count)
		.map((entry) => entry.id);
}

describe('resident home', () => {
	it('renders basemap tiles and shelter symbols on the map', async () => {
		const { page } = await harness.newPage({ viewport: phoneViewport });
		await gotoHydrated(page, server.url + '/');
		const drawn = await renderedMap(page);
		expect(drawn.basemap).toBeGreaterThan(0);
		expect(drawn.towns.length).toBeGreaterThan(0);
		expect(drawn.shelters.length).toBeGreaterThan(0);
		const known = new Set(komae.shelters.map((shelter) => shelter.id));
		expect(drawn.shelters.every((id) => known.has(id))).toBe(true);
	});

	it('lists the nearest shelters designated for the chosen hazard, with distance and direction', async () => {
		const { page } = await harness.newPage({ viewport: phoneViewport });
		await gotoHydrated(page, server.url + '/');
		await chooseHazardAndTown(page, '洪水', '岩戸南四丁目');
		const want = expectedNearest('flood', '岩戸南四丁目', 10);
		await expect.poll(() => listedIds(page)).toEqual(want);
		// Every listed shelter is designated for flood; the nearest of all (a kindergarten designated
		// for landslide and earthquake only) is not listed.
		const byId = new Map(komae.shelters.map((shelter) => [shelter.id, shelter]));
		const nearestAny = komae.shelters
			.map((s) => ({
				s,
				d: metres(
					komae.towns.find((t) => t.name === '岩戸南四丁目')!,
					s
				)
			}))
			.sort((a, b) => a.d - b.d)[0].s;
		expect(nearestAny.hazards).not.toContain('flood');
		expect(want).not.toContain(nearestAny.id);
		for (const id of want) expect(byId.get(id)!.hazards).toContain('flood');

		const first = page.locator(`article[data-shelter-id="${want[0]}"]`);
		const shown = Number(await first.locator('.away').getAttribute('data-distance'));
		const town = komae.towns.find((t) => t.name === '岩戸南四丁目')!;
		expect(Math.abs(shown - metres(town, byId.get(want[0])!))).toBeLessThan(5);
		expect(await first.locator('.away').textContent()).toMatch(/^(北|北東|東|南東|南|南西|西|北西)へ \d/);
		expect(await first.textContent()).toContain('状況不明');
		expect(await first.textContent()).toContain('収容人数不明');
		await expect
			.poll(() => page.locator('[data-testid="zone-notice"]').textContent())
			.toContain('区域データは入っていません');

		// Switching the hazard to earthquake brings the kindergarten in.
		await page.getByLabel('地震', { exact: true }).check();
		await expect
			.poll(async () => (await listedIds(page))[0])
			.toBe(expectedNearest('earthquake', '岩戸南四丁目', 1)[0]);
	});

	it('finds a 町丁目 typed as residents type it (岩戸南4) and lists the nearest from there', async () => {
		const { page } = await harness.newPage({ viewport: phoneViewport });
		await gotoHydrated(page, server.url + '/');
		await page.getByLabel('洪水', { exact: true }).check();
		const search = page.getByLabel('町丁目名で探す（例：岩戸南4）');
		await search.fill('新宿');
		await expect.poll(() => page.getByText('見つかりません。町丁目名を確かめてください。').count()).toBe(1);
		await search.fill('岩戸南４');
		await expect
			.poll(() => page.getByTestId('town-matches').getByRole('button').first().textContent())
			.toBe('岩戸南四丁目');
		await search.press('Enter');
		await expect
			.poll(() => page.getByTestId('position-summary').textContent())
			.toBe('位置：岩戸南四丁目（代表点）');
		expect(await search.inputValue()).toBe('');
		await expect.poll(() => listedIds(page)).toEqual(expectedNearest('flood', '岩戸南四丁目', 10));
	});

	it('ranks a closed shelter after open ones, whatever the distance', async () => {
		const want = expectedNearest('flood', '岩戸南四丁目', 3);
		const { access_token } = await signIn(server.url, hq);
		const closed = await call(server.url, 'POST', '/api/reports', {
			token: access_token,
			body: reportFor(want[0], { status: 'closed', evacuees: 0, crowding: 'unknown' })
		});
		expect(closed.status).toBeLessThan(300);
		const open = await call(server.url, 'POST', '/api/reports', {
			token: access_token,
			body: reportFor(want[2], { status: 'open', evacuees: 3, crowding: 'vacant' })
		});
		expect(open.status).toBeLessThan(300);

		const { page } = await harness.newPage({ viewport: phoneViewport });
		await gotoHydrated(page, server.url + '/');
		await chooseHazardAndTown(page, '洪水', '岩戸南四丁目');
		await page.getByRole('button', { name: 'もっと表示する' }).click();
		await expect.poll(async () => (await listedIds(page))[0]).toBe(want[2]);
		const ids = await listedIds(page);
		expect(ids.indexOf(want[0])).toBeGreaterThan(ids.indexOf(want[1]));
		expect(ids.at(-1)).toBe(want[0]);
		const openItem = page.locator(`article[data-shelter-id="${want[2]}"]`);
		expect(await openItem.locator('[data-status]').getAttribute('data-status')).toBe('open');
		expect(await openItem.textContent()).toContain('開設');
		expect(await openItem.textContent()).toContain('空いています');
		expect(await openItem.textContent()).toMatch(/たった今 更新|\d+ 分前に更新/);
		expect(await page.locator(`article[data-shelter-id="${want[0]}"] [data-status]`).textContent()).toContain(
			'閉鎖'
		);
	});

	it('shows alerts for my area with the 警戒レベル wording and colours, live, and the 訓練 banner', async () => {
		const { access_token } = await signIn(server.url, hq);
		const city = await call<{ id: string }>(server.url, 'POST', '/api/alerts', {
			token: access_token,
			body: { level: 3, hazard: 'flood', areas: ['all'], text: { ja: '多摩川の水位が上がっています' } }
		});
		expect(city.status).toBe(201);
		const elsewhere = await call(server.url, 'POST', '/api/alerts', {
			token: access_token,
			body: { level: 5, hazard: 'flood', areas: ['東和泉四丁目'], text: { ja: '別の町の警報' } }
		});
		expect(elsewhere.status).toBe(201);

		const { page } = await harness.newPage({ viewport: phoneViewport });
		await gotoHydrated(page, server.url + '/');
		await chooseHazardAndTown(page, '洪水', '岩戸南四丁目');
		const banners = page.locator('[data-level]');
		await expect.poll(() => banners.count(), { timeout: 10_000 }).toBe(1);
		expect(await banners.first().getAttribute('data-level')).toBe('3');
		expect(await banners.first().textContent()).toContain('警戒レベル3 高齢者等避難');
		expect(await banners.first().textContent()).toContain('多摩川の水位が上がっています');
		expect(await banners.first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
			'rgb(255, 40, 0)'
		);

		// Live: a level-4 alert for my town arrives while the page is open (opt-in live updates).
		await page.getByLabel('状況の変化をすぐ受け取る（接続を保ちます）').check();
		await expect.poll(() => page.getByText('リアルタイム受信中').count(), { timeout: 15_000 }).toBe(1);
		const mine = await call(server.url, 'POST', '/api/alerts', {
			token: access_token,
			body: { level: 4, hazard: 'flood', areas: ['岩戸南四丁目'], text: { ja: '岩戸南に避難指示' } }
		});
		expect(mine.status).toBe(201);
		await expect.poll(() => banners.count(), { timeout: 15_000 }).toBe(2);
		// Highest level first, once the list has settled (a live update may land in two renders).
		await expect.poll(() => banners.first().getAttribute('data-level')).toBe('4');
		expect(await banners.first().textContent()).toContain('警戒レベル4 避難指示');
		expect(await banners.first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
			'rgb(170, 0, 170)'
		);

		// The other town's level 5 shows once I pick that town.
		await page.selectOption('#town-select', '東和泉四丁目');
		await expect.poll(async () => banners.first().getAttribute('data-level')).toBe('5');

		// Drill mode on: the 訓練 banner appears after the next refresh.
		expect(
			(await call(server.url, 'POST', '/api/drill', { token: access_token, body: { on: true } })).status
		).toBe(200);
		await page.getByRole('button', { name: '最新にする' }).click();
		await expect.poll(() => page.locator('.drill-banner').count()).toBe(1);
		expect(await page.locator('.drill-banner').textContent()).toContain('訓練');
		expect(
			(await call(server.url, 'POST', '/api/drill', { token: access_token, body: { on: false } })).status
		).toBe(200);
	});

	it('switching language changes the visible text and lang', async () => {
		// The header names the alert state: start from none (the alert test above leaves some in force).
		const { access_token } = await signIn(server.url, hq);
		const issued = await call<{ id: string; cancelled_at: string | null }[]>(
			server.url,
			'GET',
			'/api/alerts'
		);
		for (const alert of issued.body.filter((a) => a.cancelled_at === null)) {
			await call(server.url, 'POST', `/api/alerts/${alert.id}/cancel`, { token: access_token, body: {} });
		}
		const { page } = await harness.newPage({ viewport: phoneViewport });
		await gotoHydrated(page, server.url + '/');
		await page.selectOption('#language-select', 'en');
		await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
		expect(await page.locator('h1').first().textContent()).toBe('Shelter map');
		expect(await page.locator('.hazard-picker legend').textContent()).toBe('What is happening?');
		// The map-first home's own strings (header, sheet, peek) follow too.
		const words = async () => [
			await page.getByTestId('alert-state').textContent(),
			await page.getByTestId('sheet').locator('.toggle').textContent(),
			await page.locator('#peek-title').textContent()
		];
		await expect
			.poll(async () => (await words()).map((w) => w?.trim()), { timeout: 10_000 })
			.toEqual(['No evacuation alert', 'Show more of the list', 'Open shelters near you now']);
		await page.selectOption('#language-select', 'ko');
		await expect.poll(() => page.getAttribute('html', 'lang')).toBe('ko');
		expect(await page.locator('h1').first().textContent()).toBe('대피소 지도');
		expect((await words()).map((w) => w?.trim())).toEqual([
			'피난 정보 없음',
			'목록 펼치기',
			'지금 갈 수 있는 가까운 대피소'
		]);
		await page.selectOption('#language-select', 'zh-Hans');
		expect(await page.locator('.hazard-picker legend').textContent()).toBe('发生了什么？');
		expect((await words()).map((w) => w?.trim())).toEqual(['无避难信息', '展开列表', '现在可去的附近避难所']);
		await page.selectOption('#language-select', 'ja-x-easy');
		expect(await page.locator('.hazard-picker legend').textContent()).toBe('なにが おきて いますか？');
		expect((await words()).map((w) => w?.trim())).toEqual([
			'ひなんの じょうほうは ありません',
			'リストを おおきく する',
			'いま いける ちかくの ひなんじょ'
		]);
	});
});
