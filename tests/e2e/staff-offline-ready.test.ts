/**
 * The staff terminal says 「この端末はオフラインでも使えます」 only once a service worker controls
 * the page (and the shell is cached): before that it warns. Then it really is: an offline reload
 * still opens /staff. axe passes on /staff in both themes.
 */
import { describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { gotoHydrated, useBrowser } from '../support/browser.ts';

const baseURL = inject('baseURL');
const accounts = inject('accounts');
const harness = useBrowser();

describe('staff terminal: ready to work offline', () => {
	it('warns until the worker controls the page, then says ready, and an offline reload works', async () => {
		const { page, context } = await harness.newPage({
			allowErrors: [/ERR_INTERNET_DISCONNECTED/, /Failed to load resource/, /Failed to fetch/]
		});
		await gotoHydrated(page, `${baseURL}/staff`);
		// Records, in the page, whether a worker controlled it each time the line changed.
		await page.evaluate(() => {
			const seen: { state: string; controlled: boolean }[] = [];
			(window as unknown as { seen: typeof seen }).seen = seen;
			new MutationObserver(() => {
				const state = document.querySelector('[data-offline-ready]')?.getAttribute('data-offline-ready');
				if (state && state !== 'checking' && seen.at(-1)?.state !== state) {
					seen.push({ state, controlled: Boolean(navigator.serviceWorker.controller) });
				}
			}).observe(document.body, { subtree: true, childList: true, attributes: true });
		});
		await page.fill('#signin-username', accounts.staffA.username);
		await page.fill('#signin-password', accounts.staffA.password);
		await page.click('form.signin button[type="submit"]');
		await page.waitForSelector('#report-form-title');
		await page.waitForSelector('[data-offline-ready="ready"]', { timeout: 60_000 });
		expect(await page.textContent('[data-offline-ready]')).toContain('この端末はオフラインでも使えます');
		const seen = await page.evaluate(
			() => (window as unknown as { seen: { state: string; controlled: boolean }[] }).seen
		);
		// A first visit: the warning came first, without a controlling worker; "ready" only with one.
		expect(seen[0]).toEqual({ state: 'pending', controlled: false });
		expect(seen.at(-1)).toEqual({ state: 'ready', controlled: true });
		expect(seen.filter((s) => s.state === 'ready' && !s.controlled)).toEqual([]);

		await context.setOffline(true);
		await page.reload();
		await page.waitForSelector('#report-form-title', { timeout: 20_000 });
		await context.setOffline(false);

		expect(await axeViolations(page)).toEqual([]);
		await page.click('.display-menu summary');
		await page.check('input[name="look-theme"][value="dark"]');
		await page.check('#look-large-text');
		expect(await page.getAttribute('html', 'data-text')).toBe('large');
		expect(await axeViolations(page)).toEqual([]);
	});
});
