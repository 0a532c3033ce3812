/**
 * Shared steps of the resident e2e tests: what the map actually drew, the shelter list as shown,
 * and the real importer output (data/out/komae) the assertions are computed from.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { ShelterRecord } from '#lib/domain/shelter.ts';
import { waitForMapIdle } from '../support/map.ts';

export const komae = {
	shelters: (
		JSON.parse(readFileSync(resolve('data/out/komae/shelters.json'), 'utf8')) as { shelters: ShelterRecord[] }
	).shelters,
	towns: JSON.parse(readFileSync(resolve('data/out/komae/towns.json'), 'utf8')) as {
		name: string;
		lon: number;
		lat: number;
	}[]
};

/** Independent of the app's geo code: haversine on a 6,371 km sphere. */
export function metres(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
	const rad = Math.PI / 180;
	const dLat = (b.lat - a.lat) * rad;
	const dLon = (b.lon - a.lon) * rad;
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
	return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/** Waits for the map to be idle, then counts the features it rendered per kind of layer. */
export async function renderedMap(
	page: Page
): Promise<{ basemap: number; shelters: string[]; towns: string[] }> {
	// The resident map loads when it nears the screen.
	await page.locator('.resident-map').scrollIntoViewIfNeeded();
	await waitForMapIdle(page);
	return page.evaluate(async () => {
		const map = (window as unknown as { __bosaiMap: import('maplibre-gl').Map }).__bosaiMap;
		const basemapLayers = map
			.getStyle()
			.layers.filter((layer) => 'source' in layer && layer.source === 'basemap')
			.map((layer) => layer.id);
		return {
			basemap: map.queryRenderedFeatures({ layers: basemapLayers }).length,
			shelters: map.queryRenderedFeatures({ layers: ['shelters-icons'] }).map((f) => String(f.properties.id)),
			towns: map.queryRenderedFeatures({ layers: ['town-labels'] }).map((f) => String(f.properties.name))
		};
	});
}

/** Shelter ids of the list, in the order shown. */
export async function listedIds(page: Page): Promise<string[]> {
	return page
		.locator('[data-testid="shelter-list"] article[data-shelter-id]')
		.evaluateAll((items) => items.map((item) => item.getAttribute('data-shelter-id') ?? ''));
}

/** Picks a hazard and a 町丁目 on the home page, then waits for the list to follow. */
export async function chooseHazardAndTown(page: Page, hazardLabel: string, town: string): Promise<void> {
	await page.getByLabel(hazardLabel, { exact: true }).check();
	await page.waitForFunction(
		() => ((document.querySelector('#town-select') as HTMLSelectElement | null)?.options.length ?? 0) > 1
	);
	await page.selectOption('#town-select', town);
	await page.waitForSelector(`[data-testid="position-summary"]:has-text("${town}")`);
}
