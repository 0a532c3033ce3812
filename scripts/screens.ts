/**
 * `npm run screens`: screenshots of every screen at phone, tablet and desktop size into
 * docs/screens/ (JPEG), from the real production build and a real server on loopback, in
 * Japanese (and English for the resident start page).
 *
 * The shelters are the real imported ones; their statuses, the alert and the message are made up
 * for the pictures, so the script switches DRILL MODE on first: every screen then labels them 訓練,
 * as the app does for any drill. Needs `npm run build` (run first when the build is missing).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { call, createTestAccounts, reportFor, signIn } from '../tests/support/api.ts';
import { chromiumArgs, chromiumPath } from '../tests/support/browser.ts';
import { openFullMap as openPreviewedMap } from '../tests/support/map.ts';
import { buildDir, startServer, tempDataDir } from '../tests/support/server.ts';

const outDir = resolve('docs/screens');
const sizes = {
	phone: { width: 390, height: 844 },
	tablet: { width: 820, height: 1180 },
	desktop: { width: 1440, height: 900 }
} as const;

if (!existsSync(buildDir)) {
	const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
	if (build.status !== 0) process.exit(build.status ?? 1);
}
mkdirSync(outDir, { recursive: true });
// The kiosk stands at a real place: the representative point of the first 町丁目 of the open data.
const [kioskTown] = JSON.parse(readFileSync(resolve('data/out/komae/towns.json'), 'utf8')) as {
	name: string;
	lon: number;
	lat: number;
}[];

const dataDir = tempDataDir('bosai-screens-');
const accounts = createTestAccounts(dataDir);
const server = await startServer({ dataDir });
const base = server.url;

try {
	const hq = (await signIn(base, accounts.hq)).access_token;
	const staff = (await signIn(base, accounts.staffA)).access_token;
	await call(base, 'POST', '/api/drill', { token: hq, body: { on: true } });
	await call(base, 'POST', '/api/reports', {
		token: staff,
		body: reportFor(accounts.staffA.shelter_id, { evacuees: 42, crowding: 'slightly_crowded', note: '' })
	});
	await call(base, 'POST', '/api/reports', {
		token: hq,
		body: reportFor(accounts.staffB.shelter_id, {
			status: 'preparing',
			evacuees: null,
			crowding: 'unknown',
			note: ''
		})
	});
	await call(base, 'POST', '/api/alerts', {
		token: hq,
		body: {
			level: 3,
			hazard: 'flood',
			areas: ['all'],
			text: { ja: '【訓練】狛江市全域に高齢者等避難を発令しました（洪水）。' }
		}
	});
	await call(base, 'POST', '/api/messages', {
		token: hq,
		body: { shelter_id: accounts.staffA.shelter_id, body: '【訓練】毛布の在庫を報告してください。' }
	});

	const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
	const signInHq = async (page: Page) => {
		await page.fill('#hq-username', accounts.hq.username);
		await page.fill('#hq-password', accounts.hq.password);
		await page.click('form button[type="submit"]');
		await page.waitForSelector('#hq-shelter-table tbody tr');
	};
	const openFullMap = async (page: Page) => {
		await openPreviewedMap(page);
		await page.waitForFunction(
			() => !!(window as unknown as { __bosaiMap?: unknown }).__bosaiMap,
			undefined,
			{
				timeout: 20_000
			}
		);
	};
	const shots: {
		name: string;
		path: string;
		locale?: string;
		/** The display menu's saved choice (set before the page loads, as a returning visitor's). */
		theme?: 'dark';
		/** What to do once the page is ready: sign in, open the full map. */
		signIn?: (page: Page) => Promise<void>;
	}[] = [
		{ name: 'resident', path: '/' },
		// A phone's first visit shows the light preview; this one is after 「詳しい地図を開く」.
		{ name: 'resident-map', path: '/', signIn: openFullMap },
		{ name: 'resident-en', path: '/', locale: 'en-US' },
		{ name: 'shelter', path: `/shelters/${accounts.staffA.shelter_id}` },
		{ name: 'map', path: '/map' },
		{
			name: 'kiosk',
			path: `/kiosk?lon=${kioskTown.lon}&lat=${kioskTown.lat}&name=${encodeURIComponent(kioskTown.name)}`
		},
		{ name: 'about', path: '/about' },
		{
			name: 'staff',
			path: '/staff',
			signIn: async (page) => {
				await page.fill('#signin-username', accounts.staffA.username);
				await page.fill('#signin-password', accounts.staffA.password);
				await page.click('form.signin button[type="submit"]');
				await page.waitForSelector('#report-form-title');
			}
		},
		{ name: 'hq', path: '/hq', signIn: signInHq },
		{ name: 'hq-dark', path: '/hq', theme: 'dark', signIn: signInHq },
		{ name: 'print-shelters', path: '/print/shelters' }
	];
	for (const [sizeName, viewport] of Object.entries(sizes)) {
		for (const shot of shots) {
			const context = await browser.newContext({
				viewport,
				locale: shot.locale ?? 'ja-JP',
				serviceWorkers: 'block'
			});
			if (shot.theme) {
				await context.addInitScript((theme) => localStorage.setItem('bosai.theme', theme), shot.theme);
			}
			const page = await context.newPage();
			await page.goto(base + shot.path);
			await page.waitForSelector('html[data-hydrated="true"]', { timeout: 30_000 });
			await shot.signIn?.(page);
			// Maps draw through SwiftShader here: give them their idle, then a moment for labels.
			await page
				.waitForFunction(
					() => {
						const map = (window as unknown as { __bosaiMap?: { loaded(): boolean } }).__bosaiMap;
						return !map || map.loaded();
					},
					undefined,
					{ timeout: 20_000 }
				)
				.catch(() => console.warn(`${shot.name} ${sizeName}: map not idle after 20 s`));
			await page.waitForTimeout(1_000);
			const file = resolve(outDir, `${shot.name}-${sizeName}.jpg`);
			await page.screenshot({ path: file, type: 'jpeg', quality: 70 });
			console.log(`wrote ${file}`);
			await context.close();
		}
	}
	await browser.close();
} finally {
	await server.stop();
}
