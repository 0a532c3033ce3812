/**
 * Waits until the page's MapView (test hook `window.__bosaiMap`) is ready, has its shelter overlay,
 * has loaded every tile, and has settled (idle), so queryRenderedFeatures sees what is drawn.
 */
import type { Page } from 'playwright-core';

/**
 * On a phone's first visit the resident home shows the light preview (MapPreview) until the
 * resident asks for the map: press its button, as a resident would. No-op where no preview shows.
 */
export async function openFullMap(page: Page): Promise<void> {
	const button = page.getByTestId('map-preview').getByRole('button');
	// On a wide screen the preview is in the first HTML and gives way by itself after first paint: a
	// click may find it gone. What follows (waiting for the map) fails if the map never comes.
	if (await button.count()) await button.click({ timeout: 5_000 }).catch(() => undefined);
}

export async function waitForMapIdle(page: Page): Promise<void> {
	await openFullMap(page);
	await page.waitForSelector('[data-map-status="ready"]', { timeout: 30_000 });
	await page.waitForFunction(() => {
		const map = (window as unknown as { __bosaiMap?: import('maplibre-gl').Map }).__bosaiMap;
		return !!map && !!map.getLayer('shelters-icons') && map.loaded() && map.areTilesLoaded();
	});
	await page.evaluate(async () => {
		const map = (window as unknown as { __bosaiMap: import('maplibre-gl').Map }).__bosaiMap;
		await new Promise((done) => (map.loaded() ? setTimeout(done, 300) : map.once('idle', done)));
	});
}
