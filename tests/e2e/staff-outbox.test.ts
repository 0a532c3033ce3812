import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { addAccount, pickShelters } from '../support/api.ts';
import { gotoHydrated, useBrowser } from '../support/browser.ts';
import { freePort, startServer, tempDataDir, type RunningServer } from '../support/server.ts';
import {
	networkErrors,
	shelterName,
	queueCount,
	reportsAsHq,
	signInStaff,
	submitReportForm
} from './staff-support.ts';

const baseURL = inject('baseURL');
const accounts = inject('accounts');
const harness = useBrowser();

describe('staff outbox in Chromium', () => {
	it('queues 3 reports offline, keeps them across an offline reload, and delivers exactly 3 in order', async () => {
		const { page, context } = await harness.newPage({ allowErrors: networkErrors });
		const marker = `synthetic-offline-${randomBytes(4).toString('hex')}`;
		await signInStaff(page, baseURL, accounts.staffA);
		// First visit done: the resident engineer's service worker must now hold the app shell.
		const serviceWorker = await page.evaluate(() =>
			Promise.race([
				navigator.serviceWorker.ready.then(() => 'ready'),
				new Promise((done) => setTimeout(() => done('no service worker for /staff'), 45_000))
			])
		);
		expect(serviceWorker).toBe('ready');

		const name = await shelterName(baseURL, accounts.staffA.shelter_id);
		await expect.poll(() => page.locator('[data-testid="shelter-name"]').textContent()).toContain(name);
		await context.setOffline(true);
		for (const n of [1, 2, 3]) {
			await submitReportForm(page, { evacuees: String(10 * n), note: `${marker} #${n}` });
			await expect.poll(() => queueCount(page)).toBe(n);
		}
		await page.reload();
		await page.waitForSelector('html[data-hydrated="true"]');
		await expect.poll(() => queueCount(page)).toBe(3);
		// Still signed in, and the shelter is named from what this device remembers.
		expect(await page.locator('[data-testid="shelter-name"]').textContent()).toContain(name);
		// The first one was tried (offline) and waits for a retry; the two behind it were never sent.
		const waiting = '[data-testid="recent-reports"] li:is([data-sync="queued"], [data-sync="retrying"])';
		expect(await page.locator(waiting).count()).toBe(3);
		expect(await reportsAsHq(baseURL, accounts.hq, marker)).toEqual([]);

		await context.setOffline(false);
		await expect.poll(() => queueCount(page), { timeout: 20_000 }).toBe(0);
		const rows = await reportsAsHq(baseURL, accounts.hq, marker);
		expect(rows.map((r) => [r.note, r.evacuees, r.shelter_id])).toEqual([
			[`${marker} #1`, 10, accounts.staffA.shelter_id],
			[`${marker} #2`, 20, accounts.staffA.shelter_id],
			[`${marker} #3`, 30, accounts.staffA.shelter_id]
		]);
		expect(await page.locator('[data-testid="recent-reports"] li[data-sync="synced"]').count()).toBe(3);
	}, 120_000); // the service worker installs the whole shell (and shelter pages) first

	it('two tabs of one browser share the queue and send every report exactly once, in order', async () => {
		const { page: first, context } = await harness.newPage({ allowErrors: networkErrors });
		const marker = `synthetic-tabs-${randomBytes(4).toString('hex')}`;
		await signInStaff(first, baseURL, accounts.staffA);
		const second = await context.newPage();
		await gotoHydrated(second, `${baseURL}/staff`);
		await second.waitForSelector('#report-form-title'); // same profile: already signed in

		await context.setOffline(true);
		for (const [n, tab] of [first, second, first, second].entries()) {
			await submitReportForm(tab, { evacuees: String(n + 1), note: `${marker} #${n + 1}` });
		}
		// Each tab sees the other's reports (one IndexedDB queue, BroadcastChannel updates).
		await expect.poll(() => queueCount(first)).toBe(4);
		await expect.poll(() => queueCount(second)).toBe(4);

		await context.setOffline(false);
		await expect.poll(() => queueCount(first), { timeout: 20_000 }).toBe(0);
		await expect.poll(() => queueCount(second), { timeout: 20_000 }).toBe(0);
		const rows = await reportsAsHq(baseURL, accounts.hq, marker);
		expect(rows.map((r) => r.note)).toEqual([1, 2, 3, 4].map((n) => `${marker} #${n}`));
	});

	describe('with its own server that crashes mid-sync', () => {
		let server: RunningServer | undefined;
		const dataDir = tempDataDir('bosai-staff-restart-');
		afterAll(async () => {
			await server?.stop();
			rmSync(dataDir, { recursive: true, force: true });
		});

		it('every queued report arrives exactly once after a crash and restart on the same data dir', async () => {
			// Two accounts only (each users CLI run opens the database): HQ counts, staff reports.
			const [shelterId] = pickShelters(dataDir);
			const suffix = randomBytes(3).toString('hex');
			const own = {
				hq: addAccount(dataDir, `test-hq-restart-${suffix}`, 'hq'),
				staffA: addAccount(dataDir, `test-staff-restart-${suffix}`, 'staff', shelterId)
			};
			const port = await freePort();
			server = await startServer({ dataDir, port });
			const url = server.url;
			// No service worker here: every request of the page goes through the route below.
			const { page, context } = await harness.newPage({
				allowErrors: networkErrors,
				serviceWorkers: 'block'
			});
			const marker = `synthetic-restart-${randomBytes(4).toString('hex')}`;
			await signInStaff(page, url, own.staffA);

			await context.setOffline(true);
			for (const n of [1, 2, 3, 4, 5]) {
				await submitReportForm(page, { evacuees: String(n), note: `${marker} #${n}` });
				await expect.poll(() => queueCount(page)).toBe(n);
			}

			// The third report reaches the server and commits, then the server dies before answering.
			let posts = 0;
			let crashed!: () => void;
			const crash = new Promise<void>((done) => (crashed = done));
			await page.route('**/api/reports', async (route) => {
				if (route.request().method() !== 'POST') return route.continue();
				posts += 1;
				if (posts !== 3) return route.continue();
				const response = await route.fetch();
				expect(response.status()).toBeLessThan(300);
				await server!.stop('SIGKILL');
				crashed();
				return route.abort('connectionreset');
			});
			await context.setOffline(false);
			await crash;
			await expect.poll(() => queueCount(page)).toBe(3); // #3 (unacknowledged), #4, #5

			server = await startServer({ dataDir, port });
			// 今すぐ再送信 (the automatic retry may already have emptied the queue and removed it).
			await page.evaluate(() => document.querySelector<HTMLButtonElement>('.outbox button')?.click());
			await expect.poll(() => queueCount(page), { timeout: 20_000 }).toBe(0);

			const rows = await reportsAsHq(url, own.hq, marker);
			expect(rows.map((r) => r.note)).toEqual([1, 2, 3, 4, 5].map((n) => `${marker} #${n}`));
			expect(new Set(rows.map((r) => r.client_id)).size).toBe(5);
			// The resent #3 was acknowledged as a duplicate, not stored twice.
			const duplicates = await page.evaluate(async () => {
				const open = indexedDB.open('bosai-outbox');
				const db = await new Promise<IDBDatabase>((done) => (open.onsuccess = () => done(open.result)));
				const all = db.transaction('sent').objectStore('sent').getAll();
				const sent = await new Promise<{ ack: { duplicate: boolean } }[]>(
					(done) => (all.onsuccess = () => done(all.result))
				);
				return sent.filter((s) => s.ack.duplicate).length;
			});
			expect(duplicates).toBe(1);
		}, 150_000); // two cold server starts; CI machines are shared
	});
});
