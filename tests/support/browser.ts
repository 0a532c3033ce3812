/**
 * Real Chromium (Debian's /usr/bin/chromium) driven by playwright-core. Every page opened through
 * `useBrowser()` fails its test on any page error or console error, unless the test names the
 * message as expected (for example the network errors of a deliberate offline test).
 * Playwright gives every launch a fresh temporary profile (user-data-dir).
 */
import {
	chromium,
	type Browser,
	type BrowserContext,
	type BrowserContextOptions,
	type Page
} from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

export const chromiumPath = process.env.BOSAI_CHROMIUM ?? '/usr/bin/chromium';

/** The flags this machine needs (closed network, root, no GPU). */
export const chromiumArgs = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export const phoneViewport = { width: 360, height: 740 };

/** Navigates and waits until the root layout has hydrated (its handlers are attached). */
export async function gotoHydrated(page: Page, url: string) {
	const response = await page.goto(url);
	await page.waitForSelector('html[data-hydrated="true"]', { timeout: 30_000 });
	return response;
}

export interface PageOptions extends BrowserContextOptions {
	/** Console or page errors matching one of these are expected and do not fail the test. */
	allowErrors?: RegExp[];
}

export interface BrowserHarness {
	browser: () => Browser;
	/** A new isolated context (own storage, own service worker) and a page in it. */
	newPage: (options?: PageOptions) => Promise<{ page: Page; context: BrowserContext }>;
}

export function useBrowser(): BrowserHarness {
	let browser: Browser | undefined;
	let errors: string[] = [];
	const contexts: BrowserContext[] = [];

	beforeAll(async () => {
		browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
	});
	afterEach(async () => {
		const seen = errors;
		errors = [];
		await Promise.all(contexts.splice(0).map((context) => context.close().catch(() => {})));
		expect(seen, 'console or page errors').toEqual([]);
	});
	afterAll(async () => {
		await browser?.close();
	});

	return {
		browser: () => {
			if (!browser) throw new Error('browser not launched yet');
			return browser;
		},
		newPage: async (options = {}) => {
			if (!browser) throw new Error('browser not launched yet');
			const { allowErrors = [], ...contextOptions } = options;
			const context = await browser.newContext({ locale: 'ja-JP', ...contextOptions });
			contexts.push(context);
			const page = await context.newPage();
			const record = (text: string) => {
				if (!allowErrors.some((pattern) => pattern.test(text))) errors.push(text);
			};
			page.on('console', (message) => {
				if (message.type() === 'error') record(`console: ${message.text()} (${message.location().url})`);
			});
			page.on('pageerror', (error) => record(`pageerror: ${error.message}`));
			return { page, context };
		}
	};
}
