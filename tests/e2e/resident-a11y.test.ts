/**
 * axe-core (WCAG 2.x A/AA rules, including 2.2) on the resident screens at 360×740 with real data:
 * the home page in its worked state (hazard and 町丁目 chosen, map drawn, list shown), a shelter
 * page and the kiosk. Zero violations. Also: every control reachable has an accessible name, and
 * status is never colour alone (each badge carries its word). The pages' CSP forbids inline
 * scripts, so the contexts bypass CSP only to let page.addScriptTag inject axe.
 */
import { describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { gotoHydrated, phoneViewport, useBrowser } from '../support/browser.ts';
import { chooseHazardAndTown, komae, renderedMap } from './resident-helpers.ts';

const baseURL = inject('baseURL');
const harness = useBrowser();

describe('resident accessibility (axe-core)', () => {
	it('/ with a hazard and position chosen: zero violations', async () => {
		const { page } = await harness.newPage({ viewport: phoneViewport, bypassCSP: true });
		await gotoHydrated(page, baseURL + '/');
		await chooseHazardAndTown(page, '洪水', '岩戸南四丁目');
		await renderedMap(page);
		expect(await axeViolations(page, { bestPractice: true })).toEqual([]);
		// Every status badge has its word next to the shape.
		const badges = await page.locator('[data-testid="shelter-list"] [data-status]').allTextContents();
		expect(badges.length).toBeGreaterThan(0);
		for (const text of badges) expect(text.trim()).toMatch(/未開設|開設準備中|開設|閉鎖|状況不明/);
	});

	it('a shelter page: zero violations', async () => {
		const shelter = komae.shelters.find((s) => s.inside_city)!;
		const { page } = await harness.newPage({ viewport: phoneViewport, bypassCSP: true });
		await gotoHydrated(page, `${baseURL}/shelters/${encodeURIComponent(shelter.id)}`);
		await expect.poll(() => page.locator('h1').textContent()).toBe(shelter.name);
		expect(await axeViolations(page, { bestPractice: true })).toEqual([]);
		const geo = await page.getByRole('link', { name: '地図アプリで道順を見る' }).getAttribute('href');
		expect(geo).toMatch(/^geo:35\.\d+,139\.\d+\?q=/);
	});

	it('/kiosk with a hazard chosen: zero violations, and it resets to the start when idle', async () => {
		const { page } = await harness.newPage({ viewport: { width: 1080, height: 1920 }, bypassCSP: true });
		await gotoHydrated(
			page,
			`${baseURL}/kiosk?lon=139.5786&lat=35.6348&name=${encodeURIComponent('狛江市役所')}&idle=15`
		);
		expect(await page.locator('.site-header').isVisible()).toBe(false);
		await page.getByLabel('地震', { exact: true }).check();
		await expect.poll(() => page.locator('[data-testid="shelter-list"] article').count()).toBe(3);
		expect(await axeViolations(page, { bestPractice: true })).toEqual([]);
		// A visitor switches the kiosk to English …
		await page.getByRole('button', { name: 'English' }).click();
		await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
		expect(await page.locator('h1').textContent()).toBe('Shelter guide');
		// Idle: after 15 s without input the kiosk is back at the start (no hazard, no list).
		await expect
			.poll(() => page.locator('[data-testid="shelter-list"]').count(), { timeout: 25_000, interval: 1000 })
			.toBe(0);
		// … and the next visitor finds it in its own language again.
		expect(await page.getAttribute('html', 'lang')).toBe('ja');
		expect(await page.locator('h1').textContent()).toBe('避難所案内');
		expect(await page.getByLabel('地震', { exact: true }).isChecked()).toBe(false);
	});

	it('/kiosk without a configured place says so instead of guessing', async () => {
		const { page } = await harness.newPage({ viewport: phoneViewport, bypassCSP: true });
		await gotoHydrated(page, `${baseURL}/kiosk?lon=abc`);
		expect(await page.getByRole('alert').textContent()).toContain('場所が設定されていません');
	});
});
