/**
 * A first and a repeat visit of `/` in real Chromium (playwright), for the budgets of issue 15:
 * every byte of the first visit (page, data, map, tiles, and the service worker's precache, which
 * a first visit also downloads) ≤ 1.6 MB; offline repeat visit: reload → first list item ≤ 1 s.
 * Used by bench/lighthouse.ts on its running server.
 */
import { chromium, type Request } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../tests/support/browser.ts';
import { waitForMapIdle } from '../tests/support/map.ts';

export interface VisitFigures {
	firstVisitBytes: number;
	requests: number;
	offlineToListMs: number;
}

export async function measureVisits(url: string): Promise<VisitFigures> {
	const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
	try {
		const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 390, height: 844 } });
		const finished: Request[] = [];
		context.on('requestfinished', (request) => finished.push(request));
		const page = await context.newPage();
		await page.goto(url + '/');
		await page.waitForSelector('[data-testid="shelter-list"] article');
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
			timeout: 60_000
		});
		await waitForMapIdle(page);
		await page.waitForTimeout(2_000);
		let bytes = 0;
		for (const request of finished) {
			const sizes = await request.sizes().catch(() => null);
			if (sizes) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
		}
		await context.setOffline(true);
		const started = Date.now();
		await page.reload();
		await page.waitForSelector('[data-testid="shelter-list"] article');
		const offlineToListMs = Date.now() - started;
		return { firstVisitBytes: bytes, requests: finished.length, offlineToListMs };
	} finally {
		await browser.close();
	}
}
