/**
 * Journey (issue 15): with no position, after choosing 洪水 the first items of the list are general
 * shelters designated for flood (not the 福祉避難所 group homes that used to come first by name);
 * 福祉避難所 are labelled and explained; "もっと表示する" reaches every shelter. Shared server:
 * reports of other tests may reorder open shelters, but never change these rules.
 */
import { describe, expect, inject, it } from 'vitest';
import { gotoHydrated, useBrowser } from '../support/browser.ts';
import { komae, listedIds } from './resident-helpers.ts';

const baseURL = inject('baseURL');
const harness = useBrowser();

describe('resident journey: no position', () => {
	it('lists general flood shelters first, labels 福祉避難所, and reaches all shelters', async () => {
		const { page } = await harness.newPage({ viewport: { width: 390, height: 844 } });
		await gotoHydrated(page, baseURL + '/');
		await page.getByLabel('洪水', { exact: true }).check();
		await expect.poll(async () => (await listedIds(page)).length).toBe(10);
		expect(await page.getByTestId('peek').locator('[data-reason]').count()).toBe(1);

		const byId = new Map(komae.shelters.map((shelter) => [shelter.id, shelter]));
		const generalFlood = komae.shelters.filter((s) => s.hazards.includes('flood') && !s.welfare);
		expect(generalFlood.length).toBeGreaterThanOrEqual(10);
		for (const id of await listedIds(page)) {
			expect(byId.get(id)?.hazards).toContain('flood');
			expect(byId.get(id)?.welfare).toBe(false);
		}

		const more = page.getByRole('button', { name: 'もっと表示する' });
		while (await more.count()) await more.click();
		const ids = await listedIds(page);
		for (const shelter of komae.shelters) expect(ids).toContain(shelter.id);
		// Every general flood shelter comes before the first 福祉避難所 and the first shelter not for flood.
		const lastGeneral = Math.max(...generalFlood.map((s) => ids.indexOf(s.id)));
		const firstOther = ids.findIndex((id) => {
			const shelter = byId.get(id);
			return shelter && (shelter.welfare || !shelter.hazards.includes('flood'));
		});
		expect(lastGeneral).toBeLessThan(firstOther);

		const welfare = komae.shelters.find((s) => s.welfare)!;
		expect(await page.locator(`article[data-shelter-id="${welfare.id}"]`).textContent()).toContain(
			'福祉避難所（要配慮者向け）'
		);
		expect(await page.locator('.welfare-note').textContent()).toContain('特に配慮が必要な人');
	});
});
