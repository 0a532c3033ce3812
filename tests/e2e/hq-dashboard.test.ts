/**
 * The HQ dashboard in real Chromium: a staff report reaches the HQ table within 1 s without
 * reload, an HQ alert reaches the resident page within 1 s, the stale flag appears after a short
 * threshold, message receipts arrive live, and staff/anonymous users cannot open /hq.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { Alert } from '#lib/domain/alert.ts';
import { call, reportFor, signIn, type TestAccount } from '../support/api.ts';
import { axeViolations } from '../support/axe.ts';
import { gotoHydrated, phoneViewport, useBrowser } from '../support/browser.ts';

const baseURL = inject('baseURL');
const accounts = inject('accounts');
const harness = useBrowser();

async function signInHq(page: Page, account: TestAccount = accounts.hq) {
	await gotoHydrated(page, `${baseURL}/hq`);
	await page.fill('#hq-username', account.username);
	await page.fill('#hq-password', account.password);
	await page.click('form button[type="submit"]');
}

async function openLiveHq(page: Page) {
	await signInHq(page);
	await page.waitForSelector('#hq-shelter-table tbody tr');
	await page.waitForSelector('[data-live-state="live"]');
}

const row = (id: string) => `#hq-shelter-table tr[data-shelter-id="${id}"]`;

/** The HQ panels are tabs beside the map: opens one (its panel becomes visible). */
async function openTab(page: Page, id: string) {
	await page.click(`[role="tab"][data-tab="${id}"]`);
	await page.waitForSelector(`#hq-panel-${id}:not([hidden])`);
}

/**
 * Records, inside the page, the wall-clock time at which `selector` first contains `text` (a
 * MutationObserver, so the measure does not include Playwright's polling); resolves to that time.
 */
async function timeWhenShown(page: Page, selector: string, text: string, timeoutMs = 10_000) {
	await page.evaluate(
		({ selector, text }) => {
			const seen = window as unknown as { shownAt?: number };
			delete seen.shownAt;
			const check = () => {
				if (seen.shownAt === undefined && document.querySelector(selector)?.textContent?.includes(text)) {
					seen.shownAt = Date.now();
				}
			};
			new MutationObserver(check).observe(document.body, {
				subtree: true,
				childList: true,
				characterData: true
			});
			check();
		},
		{ selector, text }
	);
	return async () => {
		await page.waitForFunction(
			() => (window as unknown as { shownAt?: number }).shownAt !== undefined,
			null,
			{
				timeout: timeoutMs
			}
		);
		return page.evaluate(() => (window as unknown as { shownAt: number }).shownAt);
	};
}

/** A loopback TCP proxy to the server whose open connections the test can cut at once. */
async function tcpProxy(targetPort: string) {
	const sockets = new Set<Socket>();
	const server = createServer((client) => {
		const upstream = connect(Number(targetPort), '127.0.0.1');
		for (const [socket, other] of [
			[client, upstream],
			[upstream, client]
		] as const) {
			sockets.add(socket);
			socket.pipe(other);
			socket.on('error', () => other.destroy());
			socket.on('close', () => {
				sockets.delete(socket);
				other.destroy();
			});
		}
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const port = (server.address() as { port: number }).port;
	return {
		url: `http://127.0.0.1:${port}`,
		dropAll: () => {
			for (const socket of sockets) socket.destroy();
		},
		close: () =>
			new Promise<void>((done) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => done());
			})
	};
}

describe('HQ dashboard', () => {
	it('a staff report appears in the HQ table within 1 s, without reload', async () => {
		const { page } = await harness.newPage();
		await openLiveHq(page);
		await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
		const staff = (await signIn(baseURL, accounts.staffA)).access_token;
		const evacuees = 100 + Math.floor(Math.random() * 800);
		const cell = `${row(accounts.staffA.shelter_id)} td[data-col="evacuees"]`;
		const shown = await timeWhenShown(page, cell, String(evacuees));
		const sent = await call(baseURL, 'POST', '/api/reports', {
			token: staff,
			body: reportFor(accounts.staffA.shelter_id, { evacuees, status: 'open', crowding: 'crowded' })
		});
		const acknowledged = Date.now();
		expect(sent.status).toBeLessThan(300);
		expect((await shown()) - acknowledged).toBeLessThan(1_000);
		expect(await page.textContent(`${row(accounts.staffA.shelter_id)} td[data-col="crowding"]`)).toContain(
			'混雑'
		);
		// Same document: no reload happened.
		expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
		// History of that shelter shows the report in its table alternative.
		await page.click(`${row(accounts.staffA.shelter_id)} button:has-text("履歴")`);
		await page.waitForSelector(`#hq-history td:text-is("${evacuees}")`);
		expect(await page.locator('#hq-history svg[role="img"]').count()).toBe(1);
		// Issue 16: the history names 定員状況 (derived in SQL) and 開設日時 (set by the status change).
		expect(await page.locator('#hq-history [data-capacity-state]').count()).toBe(1);
		expect(await page.textContent('#hq-history .capacity-summary')).toContain('開設日時');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('catches up after a dropped connection: a report made meanwhile shows after reconnect', async () => {
		// The browser talks to the server through a TCP proxy, so the test can cut the connections.
		const proxy = await tcpProxy(new URL(baseURL).port);
		try {
			const { page } = await harness.newPage({
				allowErrors: [/ERR_FAILED/, /Failed to load resource/, /Failed to fetch/]
			});
			await gotoHydrated(page, `${proxy.url}/hq`);
			await page.fill('#hq-username', accounts.hq.username);
			await page.fill('#hq-password', accounts.hq.password);
			await page.click('form button[type="submit"]');
			await page.waitForSelector('[data-live-state="live"]');
			// No reconnect may succeed until the report below exists.
			await page.route('**/api/live**', (route) => route.abort());
			proxy.dropAll();
			await page.waitForSelector('[data-live-state="reconnecting"]', { timeout: 10_000 });
			const staff = (await signIn(baseURL, accounts.staffA)).access_token;
			const evacuees = 1000 + Math.floor(Math.random() * 800);
			const sent = await call(baseURL, 'POST', '/api/reports', {
				token: staff,
				body: reportFor(accounts.staffA.shelter_id, { evacuees })
			});
			expect(sent.status).toBeLessThan(300);
			await page.unroute('**/api/live**');
			await page.waitForSelector('[data-live-state="live"]', { timeout: 20_000 });
			await page.waitForSelector(
				`${row(accounts.staffA.shelter_id)} td[data-col="evacuees"]:text-is("${evacuees}")`,
				{
					timeout: 5_000
				}
			);
		} finally {
			await proxy.close();
		}
	});

	it('flags a shelter stale once its last report is older than the threshold', async () => {
		const { page } = await harness.newPage();
		const staff = (await signIn(baseURL, accounts.staffB)).access_token;
		await call(baseURL, 'POST', '/api/reports', {
			token: staff,
			body: reportFor(accounts.staffB.shelter_id, { evacuees: 3 })
		});
		await openLiveHq(page);
		const target = row(accounts.staffB.shelter_id);
		expect(await page.getAttribute(target, 'data-stale')).toBe('false');
		// 0.1 min = 6 s: a short threshold so the test does not wait an hour.
		await page.fill('#hq-stale-minutes', '0.1');
		await page.press('#hq-stale-minutes', 'Tab');
		await page.waitForSelector(`${target}[data-stale="true"] [data-stale-flag]`, { timeout: 15_000 });
		expect(await page.textContent(`${target} [data-stale-flag]`)).toContain('報告途絶');
		expect(Number(await page.textContent('[data-total="stale"] dd'))).toBeGreaterThanOrEqual(1);
		// A new report clears the flag live.
		await call(baseURL, 'POST', '/api/reports', {
			token: staff,
			body: reportFor(accounts.staffB.shelter_id, { evacuees: 4 })
		});
		await page.waitForSelector(`${target}[data-stale="false"]`, { timeout: 2_000 });
		await page.fill('#hq-stale-minutes', '60');
		await page.press('#hq-stale-minutes', 'Tab');
	});

	it('an alert issued on /hq appears on the resident page within 1 s', async () => {
		const resident = await harness.newPage();
		await gotoHydrated(resident.page, `${baseURL}/`);
		// Residents opt in to a live connection (DESIGN: snapshots by default, sockets on request).
		await resident.page.check('label:has-text("状況の変化をすぐ受け取る") input');
		await resident.page.waitForSelector('text=リアルタイム受信中');
		const hq = await harness.newPage();
		await openLiveHq(hq.page);
		const text = `合成テスト 避難指示 ${randomBytes(3).toString('hex')}`;
		await hq.page.check('input[name="alert-level"][value="4"]');
		await hq.page.selectOption('#hq-alert-hazard', 'flood');
		await hq.page.fill('#hq-alert-text-ja', text);
		await hq.page.click('button:has-text("他の言語をテンプレートで作る")');
		expect(await hq.page.inputValue('#hq-alert-text-en')).toContain('Evacuation order');
		// Without the confirmation nothing is issued.
		await hq.page.click('button[type="submit"]:has-text("発令する")');
		await hq.page.waitForSelector('p.error:has-text("確認")');
		await hq.page.check('#hq-alert-confirm');
		const shown = await timeWhenShown(resident.page, 'main', text);
		const [response] = await Promise.all([
			hq.page.waitForResponse((r) => r.url().endsWith('/api/alerts') && r.request().method() === 'POST'),
			hq.page.click('button[type="submit"]:has-text("発令する")')
		]);
		const issued = Date.now();
		expect(response.status()).toBe(201);
		const alert = (await response.json()) as Alert;
		expect((await shown()) - issued).toBeLessThan(1_000);
		// The HQ list shows it with its CAP link; cancelling removes it from the resident page.
		await hq.page.waitForSelector(`[data-alert-id="${alert.id}"] a[href$="${alert.id}.cap"]`);
		// Cancelling is confirmed first: dismissed, nothing happens; accepted, the alert is cancelled.
		hq.page.once('dialog', (dialog) => void dialog.dismiss());
		await hq.page.click(`[data-alert-id="${alert.id}"] button.danger`);
		expect(await resident.page.isVisible(`text=${text}`)).toBe(true);
		hq.page.once('dialog', (dialog) => {
			expect(dialog.message()).toContain('解除');
			void dialog.accept();
		});
		await hq.page.click(`[data-alert-id="${alert.id}"] button.danger`);
		await resident.page.waitForSelector(`text=${text}`, { state: 'detached', timeout: 2_000 });
	});

	it('a message to one shelter shows its read receipt live', async () => {
		const { page } = await harness.newPage();
		await openLiveHq(page);
		const body = `合成テストのメッセージ ${randomBytes(3).toString('hex')}`;
		await openTab(page, 'messages');
		await page.selectOption('#hq-message-to', accounts.staffA.shelter_id);
		await page.fill('#hq-message-body', body);
		await page.click('button:has-text("送信する")');
		const item = page.locator('[data-message-id]', { hasText: body });
		await item.waitFor();
		expect(await item.locator('[data-receipt]').textContent()).toContain('未読');
		const id = await item.getAttribute('data-message-id');
		const staff = (await signIn(baseURL, accounts.staffA)).access_token;
		const read = await call(baseURL, 'POST', `/api/messages/${id}/read`, { token: staff, body: {} });
		expect(read.status).toBeLessThan(300);
		await page.waitForSelector(`[data-message-id="${id}"] [data-receipt]:has-text("既読")`, {
			timeout: 2_000
		});
	});

	it('drill mode labels the screen 訓練 and the page passes axe', async () => {
		const { page } = await harness.newPage();
		await openLiveHq(page);
		await openTab(page, 'drill');
		await page.check('#hq-drill-switch');
		await page.waitForSelector('[data-drill-label]');
		expect(await page.textContent('.drill-banner')).toContain('訓練');
		await page.uncheck('#hq-drill-switch');
		await page.waitForSelector('[data-drill-label]', { state: 'detached' });
		// The switch is in the audit log, by this account.
		await openTab(page, 'audit');
		await page.selectOption('#hq-audit-table', 'settings');
		await page.selectOption('#hq-audit-action', 'UPDATE');
		await page.click('button:has-text("表示する")');
		const entry = page.locator('#hq-audit-table-view tbody tr').first();
		await entry.waitFor();
		expect(await entry.textContent()).toContain(accounts.hq.username);
		expect(await entry.textContent()).toContain('drill_mode');
		const violations = await axeViolations(page);
		expect(violations).toEqual([]);
	});
});

describe('small screens', () => {
	it('fits 360 px without sideways scrolling of the page (the table scrolls in its own box)', async () => {
		const { page } = await harness.newPage({ viewport: phoneViewport });
		await openLiveHq(page);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
	});
});

describe('languages', () => {
	for (const [locale, heading] of [
		['en-US', 'Disaster headquarters'],
		['ko-KR', '재해대책본부'],
		['zh-CN', '灾害对策本部']
	] as const) {
		it(`${locale}: the signed-in screen is translated, no message key shows`, async () => {
			const { page } = await harness.newPage({ locale });
			await openLiveHq(page);
			expect(await page.textContent('h1')).toContain(heading);
			const text = (await page.textContent('main')) ?? '';
			expect(text).not.toMatch(/\b(hq|domain|common)\.[a-z_]+/);
		});
	}
});

describe('export and import on the screen', () => {
	it('downloads the shelter CSV with a BOM and previews a bad file with its row errors, writing nothing', async () => {
		const { page } = await harness.newPage({ acceptDownloads: true });
		await openLiveHq(page);
		await openTab(page, 'data');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.click('button:has-text("避難所と現況（CSV")')
		]);
		expect(download.suggestedFilename()).toMatch(/^komae-shelters-\d{12}\.csv$/);
		const path = await download.path();
		const bytes = readFileSync(path);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const rows = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data;
		const cells = [...rows[1]!];
		cells[rows[0]!.indexOf('緯度')] = 'abc';
		const bad = Papa.unparse([rows[0]!, cells]);
		const rowsBefore = await page.locator('#hq-shelter-table tbody tr').count();

		await page.setInputFiles('#hq-import-file', {
			name: 'bad.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(bad, 'utf8')
		});
		await page.click('button:has-text("確認する")');
		await page.waitForSelector('#hq-import-errors li[data-row="2"]');
		expect(await page.textContent('#hq-import-errors li[data-row="2"]')).toContain('緯度');
		expect(await page.locator('button:has-text("件を取り込む")').count()).toBe(0);
		expect(await page.locator('#hq-shelter-table tbody tr').count()).toBe(rowsBefore);
	});
});

describe('who may open /hq', () => {
	it('anonymous visitors get the sign-in form and no data', async () => {
		const { page } = await harness.newPage();
		await gotoHydrated(page, `${baseURL}/hq`);
		await page.waitForSelector('#hq-username');
		expect(await page.locator('#hq-shelter-table').count()).toBe(0);
	});

	it('a staff account is refused and sees no data', async () => {
		const { page } = await harness.newPage();
		await signInHq(page, accounts.staffA);
		await page.waitForSelector('[role="alert"]:has-text("災害対策本部の担当者だけ")');
		expect(await page.locator('#hq-shelter-table').count()).toBe(0);
		await page.reload();
		await page.waitForSelector('#hq-forbidden');
		expect(await page.locator('#hq-shelter-table').count()).toBe(0);
	});
});
