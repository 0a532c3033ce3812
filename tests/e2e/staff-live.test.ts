import { randomBytes, randomInt } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { liveSubscriber, signIn } from '../support/api.ts';
import { gotoHydrated, useBrowser } from '../support/browser.ts';
import { queueCount, signInStaff, submitReportForm } from './staff-support.ts';

const baseURL = inject('baseURL');
const accounts = inject('accounts');
const harness = useBrowser();

describe('a staff report reaches HQ live', () => {
	it('arrives on the HQ live topic (the port path HQ screens use)', async () => {
		const { access_token } = await signIn(baseURL, accounts.hq);
		const live = liveSubscriber(baseURL, ['hq'], { token: access_token });
		try {
			await live.waitForState('live');
			const { page } = await harness.newPage();
			const marker = `synthetic-live-${randomBytes(4).toString('hex')}`;
			await signInStaff(page, baseURL, accounts.staffA);
			await submitReportForm(page, { note: marker, evacuees: '37' });
			const event = await live.waitFor((e) => JSON.stringify(e.payload).includes(marker));
			expect(event.topic).toBe('hq');
			expect(JSON.stringify(event.payload)).toContain(accounts.staffA.shelter_id);
			await expect.poll(() => queueCount(page)).toBe(0);
		} finally {
			live.stop();
		}
	});

	it('appears in the HQ table open in another browser context, without a reload', async () => {
		const hq = await harness.newPage({ viewport: { width: 1280, height: 900 } });
		await gotoHydrated(hq.page, `${baseURL}/hq`);
		await hq.page.fill('#hq-username', accounts.hq.username);
		await hq.page.fill('#hq-password', accounts.hq.password);
		await hq.page.click('form:has(#hq-username) button[type="submit"]');
		const cell = hq.page.locator(
			`#hq-shelter-table tr[data-shelter-id="${accounts.staffA.shelter_id}"] td[data-col="evacuees"]`
		);
		await cell.waitFor({ timeout: 15_000 });
		// A marker on the window: a reload or navigation would drop it.
		await hq.page.evaluate(
			() => ((window as unknown as { staffTestMarker: string }).staffTestMarker = 'kept')
		);

		const staff = await harness.newPage();
		const evacuees = String(randomInt(1_000, 9_999));
		await signInStaff(staff.page, baseURL, accounts.staffA);
		await submitReportForm(staff.page, { note: `synthetic-hq-table-${evacuees}`, evacuees });

		await expect.poll(() => cell.textContent(), { timeout: 15_000 }).toContain(evacuees);
		expect(
			await hq.page.evaluate(() => (window as unknown as { staffTestMarker?: string }).staffTestMarker)
		).toBe('kept');
	});
});
