/**
 * The shelter page (issue 15): its QR code decodes (npm jsqr, on the page's own SVG rasterised in
 * a canvas) to the shelter's address on the configured public origin (a SYNTHETIC origin,
 * https://bosai.example.jp, set as BOSAI_PUBLIC_ORIGIN), copying the link shows its confirmation
 * and puts that address on the clipboard, the small map draws around the shelter, and the page
 * says capacity "不明" and what the shelter is designated for. Own server for the origin.
 */
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gotoHydrated, useBrowser } from '../support/browser.ts';
import { waitForMapIdle } from '../support/map.ts';
import { startServer, tempDataDir, type RunningServer } from '../support/server.ts';
import { komae } from './resident-helpers.ts';

const harness = useBrowser();
const origin = 'https://bosai.example.jp';
let server: RunningServer;

beforeAll(async () => {
	server = await startServer({
		dataDir: tempDataDir('bosai-shelter-page-'),
		env: { BOSAI_PUBLIC_ORIGIN: origin }
	});
});
afterAll(async () => {
	await server?.stop();
});

describe('shelter page', () => {
	it('QR code of its public address, copy link with confirmation, small map, facts', async () => {
		const shelter = komae.shelters.find((s) => s.inside_city && s.kind === 'both' && s.capacity === null)!;
		const want = `${origin}/shelters/${shelter.id}`;
		const { page, context } = await harness.newPage({ viewport: { width: 390, height: 844 } });
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
		await gotoHydrated(page, `${server.url}/shelters/${encodeURIComponent(shelter.id)}`);
		await expect.poll(() => page.locator('h1').textContent()).toBe(shelter.name);
		expect(await page.locator('.facts').textContent()).toContain('収容人数不明');
		expect(await page.locator('.hazards li.yes').count()).toBe(shelter.hazards.length);

		// The QR code, drawn by the page, read back pixel by pixel.
		const qr = page.getByTestId('shelter-qr');
		await qr.locator('svg').waitFor();
		expect(await qr.locator('[role="img"]').getAttribute('aria-label')).toContain(want);
		const pixels = await qr.locator('svg').evaluate(async (svg) => {
			const size = 400;
			const image = new Image();
			image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.outerHTML)}`;
			await image.decode();
			const canvas = document.createElement('canvas');
			canvas.width = canvas.height = size;
			const g = canvas.getContext('2d')!;
			g.fillStyle = '#fff';
			g.fillRect(0, 0, size, size);
			g.drawImage(image, 0, 0, size, size);
			return { size, data: Array.from(g.getImageData(0, 0, size, size).data) };
		});
		const decoded = jsQR(Uint8ClampedArray.from(pixels.data), pixels.size, pixels.size);
		expect(decoded?.data).toBe(want);

		// Share: Web Share where the browser has it (phones); Chromium on Linux has not, so the
		// button copies the link (the path this test proves).
		expect(await page.evaluate(() => typeof navigator.share)).toBe('undefined');
		await page.getByRole('button', { name: 'リンクをコピー' }).click();
		await expect.poll(() => page.getByTestId('share-status').textContent()).toBe('リンクをコピーしました');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(want);

		// The small map around the shelter (loaded after the text), with the shelter drawn.
		await waitForMapIdle(page);
		const drawn = await page.evaluate(() => {
			const map = (window as unknown as { __bosaiMap: import('maplibre-gl').Map }).__bosaiMap;
			return map.queryRenderedFeatures({ layers: ['shelters-icons'] }).map((f) => String(f.properties.id));
		});
		expect(drawn).toContain(shelter.id);
		expect(await page.locator('.text-alternative').textContent()).toContain(shelter.address);
	});
});
