import { describe, expect, inject, it } from 'vitest';
import { gotoHydrated, phoneViewport, useBrowser } from '../support/browser.ts';
import { rawKeysShown } from '../support/raw-keys.ts';

const baseURL = inject('baseURL');
const harness = useBrowser();

describe('app shell', () => {
	for (const [path, heading] of [
		['/', '避難所マップ'],
		['/staff', '避難所職員の画面'],
		['/hq', '災害対策本部'],
		['/about', 'このサイトについて']
	] as const) {
		it(`${path} renders in Japanese with landmarks and a skip link`, async () => {
			const { page } = await harness.newPage({ viewport: phoneViewport });
			const response = await page.goto(baseURL + path);
			expect(response?.status()).toBe(200);
			expect(await page.getAttribute('html', 'lang')).toBe('ja');
			expect(await page.locator('h1').first().textContent()).toContain(heading);
			expect(await page.locator('main#main').count()).toBe(1);
			expect(await page.locator('header nav').count()).toBe(1);
			await page.keyboard.press('Tab');
			const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
			expect(focused).toBe('#main');
		});
	}

	it('shows no raw message key on any public screen once hydrated', async () => {
		const { page } = await harness.newPage({ viewport: phoneViewport });
		const shelters = (await (await fetch(baseURL + '/api/shelters')).json()) as {
			features: { properties: { id: string } }[];
		};
		const shelterPage = `/shelters/${encodeURIComponent(shelters.features[0]!.properties.id)}`;
		for (const path of ['/', shelterPage, '/map', '/kiosk', '/about', '/staff', '/hq', '/print/shelters']) {
			await gotoHydrated(page, baseURL + path);
			expect(await rawKeysShown(page), path).toEqual([]);
		}
	});

	it('switching language changes the visible text and lang', async () => {
		const { page } = await harness.newPage();
		await gotoHydrated(page, baseURL + '/about');
		await page.selectOption('#language-select', 'en');
		await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
		expect(await page.locator('h1').textContent()).toBe('About this site');
		await page.reload();
		await page.waitForSelector('html[data-hydrated="true"]');
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		await page.selectOption('#language-select', 'ja-x-easy');
		expect(await page.locator('h1').textContent()).toBe('この サイトに ついて');
	});

	it('the about page names every data source and its licence', async () => {
		const { page } = await harness.newPage();
		await page.goto(baseURL + '/about');
		const text = await page.locator('main').textContent();
		for (const credit of ['国土地理院', '国土数値情報', 'CC BY 4.0', 'OpenStreetMap', 'ODbL']) {
			expect(text).toContain(credit);
		}
	});
});

describe('security headers', () => {
	it('every page and API response carries them, pages a CSP without unsafe-inline scripts', async () => {
		for (const path of ['/', '/staff', '/hq', '/about', '/api/shelters', '/api/alerts']) {
			const response = await fetch(baseURL + path);
			expect(response.status, path).toBe(200);
			expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
			expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
			expect(response.headers.get('x-frame-options'), path).toBe('DENY');
			expect(response.headers.get('permissions-policy'), path).toContain('geolocation=(self)');
			if (!path.startsWith('/api/')) {
				const csp = response.headers.get('content-security-policy') ?? '';
				const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
				expect(scriptSrc, path).toContain("'self'");
				expect(scriptSrc, path).not.toContain('unsafe-inline');
				expect(csp, path).toContain("frame-ancestors 'none'");
				expect(csp, path).toContain("object-src 'none'");
			}
		}
	});
});
