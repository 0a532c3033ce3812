/**
 * JMA end to end on its own production server, with BOSAI_JMA_FEED pointing at a loopback feed
 * that plays telegrams DERIVED from the real samples at test time (加工): the HQ-only POST as each
 * role, and in real Chromium a warning played into the feed appearing on an open /hq and / without
 * reload, then 「この情報から避難情報を作成」 prefilling the alert form, HQ confirming, and the
 * alert reaching residents as any alert.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestAccounts, signIn, type TestAccounts } from '../support/api.ts';
import { axeViolations } from '../support/axe.ts';
import { gotoHydrated, useBrowser } from '../support/browser.ts';
import { derivedR06Komae, readSample, withHead } from '../support/jma.ts';
import { startServer, tempDataDir, type RunningServer } from '../support/server.ts';

const harness = useBrowser();
const feed = {
	entries: [] as { id: string; title: string; path: string }[],
	telegrams: new Map<string, string>()
};
let jma: Server;
let app: RunningServer;
let accounts: TestAccounts;

function atom(origin: string): string {
	const entries = feed.entries
		.map(
			(e) =>
				`<entry><title>${e.title}</title><id>${e.id}</id><updated>2026-12-02T00:00:00Z</updated><author><name>気象庁予報部</name></author><link type="application/xml" href="${origin}${e.path}"/></entry>`
		)
		.join('');
	return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" lang="ja"><title>synthetic</title><id>urn:synthetic</id><updated>2026-12-02T00:00:00Z</updated>${entries}</feed>`;
}

beforeAll(async () => {
	jma = createServer((req, res) => {
		const origin = `http://${req.headers.host}`;
		if (req.url?.startsWith('/feed/'))
			return void res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(atom(origin));
		const telegram = feed.telegrams.get(req.url ?? '');
		if (!telegram) return void res.writeHead(404).end();
		res.writeHead(200, { 'content-type': 'application/xml' }).end(telegram);
	});
	await new Promise<void>((resolve) => jma.listen(0, '127.0.0.1', resolve));
	const dataDir = tempDataDir('bosai-e2e-jma-');
	accounts = createTestAccounts(dataDir);
	app = await startServer({
		dataDir,
		env: {
			BOSAI_JMA_FEED: `http://127.0.0.1:${(jma.address() as AddressInfo).port}/feed/`,
			BOSAI_JMA_INTERVAL_MS: '1000'
		}
	});
}, 120_000);

afterAll(async () => {
	await app?.stop();
	jma?.closeAllConnections();
	await new Promise((resolve) => jma?.close(resolve));
});

describe('JMA on the production server', () => {
	it('accepts telegrams on POST /api/jma/telegrams from HQ only, and refuses bad ones with a 4xx', async () => {
		const xml = readSample('official-samples/32-35_06_03_240613_VXSE53.xml');
		const post = (token: string | undefined, body: string, type = 'application/xml') =>
			call<{ outcome?: string; error?: { code: string } }>(app.url, 'POST', '/api/jma/telegrams', {
				token,
				body,
				headers: { 'content-type': type }
			});
		expect((await post(undefined, xml)).status).toBe(401);
		const staff = (await signIn(app.url, accounts.staffA)).access_token;
		expect(await post(staff, xml)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
		const hq = (await signIn(app.url, accounts.hq)).access_token;
		expect(await post(hq, '{"a":1}', 'application/json')).toMatchObject({ status: 415 });
		expect(await post(hq, xml.slice(0, 3000))).toMatchObject({
			status: 400,
			body: { error: { code: 'invalid_telegram' } }
		});
		expect(await post(hq, xml)).toMatchObject({ status: 201, body: { outcome: 'stored' } });
		expect(await post(hq, xml)).toMatchObject({ status: 200, body: { outcome: 'duplicate' } });
		const read = await call<{ configured: boolean; timeline: { head_title: string }[] }>(
			app.url,
			'GET',
			'/api/jma'
		);
		expect(read.body.configured).toBe(true);
		expect(read.body.timeline.map((r) => r.head_title)).toEqual(['震源・震度情報']);
	});

	it('shows a warning played into the feed on an open /hq and / without reload, and drafts an alert HQ confirms', async () => {
		// Offline later in this test: the network errors it causes are expected.
		const resident = await harness.newPage({
			allowErrors: [/ERR_INTERNET_DISCONNECTED/, /Failed to fetch/, /Failed to load resource/, /NetworkError/]
		});
		await gotoHydrated(resident.page, `${app.url}/`);
		await resident.page.check('label:has-text("状況の変化をすぐ受け取る") input');
		await resident.page.waitForSelector('text=リアルタイム受信中');

		const hq = await harness.newPage();
		await gotoHydrated(hq.page, `${app.url}/hq`);
		await hq.page.fill('#hq-username', accounts.hq.username);
		await hq.page.fill('#hq-password', accounts.hq.password);
		await hq.page.click('form button[type="submit"]');
		await hq.page.waitForSelector('[data-live-state="live"]');
		// The JMA panel is one of the tabs beside the map; drafting an alert opens the alerts tab.
		await hq.page.click('[role="tab"][data-tab="jma"]');
		await hq.page.waitForSelector('[data-jma-panel]');

		const now = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', '+00:00');
		feed.telegrams.set('/data/r06.xml', withHead(derivedR06Komae(), { reportDateTime: now }));
		feed.entries.unshift({
			id: 'urn:synthetic:r06',
			title: '気象警報・注意報（Ｒ０６）（大雨）',
			path: '/data/r06.xml'
		});
		const played = Date.now();
		const panelRow = '[data-jma-panel] [data-jma-stream="warning:r06:大雨"]';
		await hq.page.waitForSelector(panelRow, { timeout: 10_000 });
		const latency = Date.now() - played;
		expect(await hq.page.textContent(panelRow)).toContain('島根県大雨警報・注意報');
		expect(await hq.page.textContent(panelRow)).toContain('警戒レベル3相当');
		await resident.page.waitForSelector('[data-jma-strip] [data-jma-stream="warning:r06:大雨"]', {
			timeout: 10_000
		});
		expect(await resident.page.textContent('[data-jma-strip]')).toContain('出典：気象庁ホームページ');
		// JMA's information is not the city's alert: nothing in the alert banner.
		expect(await resident.page.locator('section.alerts').count()).toBe(0);
		// Both screens with JMA's information shown pass axe.
		expect(await axeViolations(resident.page)).toEqual([]);
		expect(await axeViolations(hq.page)).toEqual([]);

		await hq.page.click(`${panelRow} button:has-text("この情報から避難情報を作成")`);
		expect(await hq.page.isChecked('input[name="alert-level"][value="3"]')).toBe(true);
		expect(await hq.page.inputValue('#hq-alert-hazard')).toBe('inland_flood');
		const ja = await hq.page.inputValue('#hq-alert-text-ja');
		expect(ja).toContain('高齢者等避難');
		expect(ja).toContain('気象庁発表：島根県大雨警報・注意報');
		expect(await hq.page.inputValue('#hq-alert-text-en')).toContain('JMA');
		// Nothing was issued by drafting.
		expect((await call<unknown[]>(app.url, 'GET', '/api/alerts')).body).toEqual([]);
		await hq.page.check('#hq-alert-confirm');
		await hq.page.click('button[type="submit"]:has-text("発令する")');
		await resident.page.waitForSelector('section.alerts[role="alert"]', { timeout: 10_000 });
		expect(await resident.page.textContent('section.alerts')).toContain('気象庁発表：島根県大雨警報・注意報');
		console.log(`feed-to-HQ-screen latency: ${latency} ms (poll interval 1000 ms, shared machine)`);

		// Offline, the strip still shows what JMA had in effect, from this device's cache, with its age.
		await resident.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
			timeout: 30_000
		});
		await resident.context.setOffline(true);
		await resident.page.reload();
		await resident.page.waitForSelector('[data-jma-strip] [data-jma-stream="warning:r06:大雨"]', {
			timeout: 15_000
		});
		await resident.page.waitForSelector('[data-jma-strip] [role="status"]');
		expect(await resident.page.textContent('[data-jma-strip]')).toContain('出典：気象庁ホームページ');
		await resident.context.setOffline(false);
	}, 120_000);
});
