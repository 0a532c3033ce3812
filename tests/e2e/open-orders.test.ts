/**
 * Opening orders (開設指示) end to end, on the real server and Chromium: HQ orders 3 shelters
 * to open on /hq; the staff terminal of one (already open) shows the order within 2 s, goes
 * offline, confirms, and the confirmation reaches HQ once back online — exactly once; HQ sees the
 * other 2 as unacknowledged, through the API and on its screen.
 */
import { describe, expect, inject, it } from 'vitest';
import type { OpenOrder } from '#lib/domain/open-order.ts';
import { call, signIn } from '../support/api.ts';
import { gotoHydrated, useBrowser } from '../support/browser.ts';
import { axeViolations, networkErrors, signInStaff } from './staff-support.ts';

const baseURL = inject('baseURL');
const accounts = inject('accounts');
const harness = useBrowser();

interface AuditRow {
	row_id: string;
	action: string;
	old: Partial<OpenOrder> | null;
	new: Partial<OpenOrder> | null;
}

/** Two more real shelters that can be opened, other than the test accounts' own. */
async function twoOtherShelters(): Promise<string[]> {
	const response = await fetch(`${baseURL}/api/shelters`);
	const collection = (await response.json()) as { features: { properties: { id: string; kind: string } }[] };
	const own = new Set([accounts.staffA.shelter_id, accounts.staffB.shelter_id]);
	const ids = collection.features
		.map((f) => f.properties)
		.filter((p) => p.kind !== 'emergency_site' && !own.has(p.id))
		.map((p) => p.id);
	expect(ids.length).toBeGreaterThanOrEqual(2);
	return ids.slice(0, 2);
}

describe('opening orders', () => {
	it('reach the site live, are confirmed once (also after being offline), and HQ sees who has not', async () => {
		const hqToken = (await signIn(baseURL, accounts.hq)).access_token;
		const shelterA = accounts.staffA.shelter_id;
		const others = await twoOtherShelters();
		const anon = await call(baseURL, 'GET', '/api/open-orders');
		expect(anon.status).toBe(401);

		// The site's terminal is open and signed in before HQ orders anything.
		const staff = await harness.newPage({ allowErrors: networkErrors });
		await signInStaff(staff.page, baseURL, accounts.staffA);
		expect(await staff.page.locator('[data-testid="open-order"]').count()).toBe(0);

		const hq = await harness.newPage({ viewport: { width: 1280, height: 900 } });
		await gotoHydrated(hq.page, `${baseURL}/hq`);
		await hq.page.fill('#hq-username', accounts.hq.username);
		await hq.page.fill('#hq-password', accounts.hq.password);
		await hq.page.click('form:has(#hq-username) button[type="submit"]');
		await hq.page.click('[role="tab"][data-tab="orders"]');
		const panel = hq.page.locator('[data-testid="open-orders"]');
		for (const id of [shelterA, ...others]) {
			await panel.locator(`input[name="order-shelter"][value="${id}"]`).check({ timeout: 15_000 });
		}
		await panel.locator('#hq-order-note').fill('synthetic: 体育館を開設してください');
		await panel.locator('button[type="submit"]').click();
		await panel.locator('#hq-order-confirm').click();
		const clickedAt = Date.now();

		const banner = staff.page.locator('[data-testid="open-order"][role="alert"]');
		await banner.waitFor({ timeout: 2_000 });
		const shownAfterMs = Date.now() - clickedAt;
		console.log(`open order shown on the staff terminal ${shownAfterMs} ms after HQ confirmed`);
		expect(await banner.textContent()).toContain('synthetic: 体育館を開設してください');
		expect(await axeViolations(staff.page)).toEqual([]);

		// Offline: the confirmation waits in the outbox; HQ still sees the order as requested.
		await staff.context.setOffline(true);
		await banner.locator('button.ack').click();
		await staff.page.locator('[data-ack-state="pending"]').waitFor();
		expect(await banner.count()).toBe(0);
		const requested = async () =>
			(await call<OpenOrder[]>(baseURL, 'GET', '/api/open-orders?state=requested', { token: hqToken })).body;
		expect((await requested()).map((o) => o.shelter_id)).toContain(shelterA);

		// Back online: sent once, acknowledged once.
		await staff.context.setOffline(false);
		await staff.page.locator('[data-ack-state="sent"]').waitFor({ timeout: 15_000 });
		const all = (await call<OpenOrder[]>(baseURL, 'GET', '/api/open-orders', { token: hqToken })).body;
		const orderA = all.find((o) => o.shelter_id === shelterA && o.state !== 'cancelled')!;
		expect(orderA).toMatchObject({ state: 'acknowledged' });
		const audit = await call<AuditRow[]>(baseURL, 'GET', '/api/audit?table=shelter_open_orders&limit=1000', {
			token: hqToken
		});
		expect(audit.status).toBe(200);
		const acks = audit.body.filter(
			(row) => row.row_id === String(orderA.id) && !row.old?.acknowledged_at && row.new?.acknowledged_at
		);
		expect(acks).toHaveLength(1);

		// HQ: the other two wait, by the API and on the screen (panel and shelter table).
		const waiting = await requested();
		for (const id of others) expect(waiting.map((o) => o.shelter_id)).toContain(id);
		expect(waiting.map((o) => o.shelter_id)).not.toContain(shelterA);
		await expect
			.poll(() => panel.locator(`tr[data-shelter-id="${shelterA}"]`).first().getAttribute('data-state'), {
				timeout: 10_000
			})
			.toBe('acknowledged');
		for (const id of others) {
			expect(await panel.locator(`tr[data-shelter-id="${id}"][data-state="requested"]`).count()).toBe(1);
			await hq.page
				.locator(`#hq-shelter-table tr[data-shelter-id="${id}"] [data-open-order="requested"]`)
				.waitFor({ timeout: 10_000 });
		}
		expect(
			await hq.page.locator(`#hq-shelter-table tr[data-shelter-id="${shelterA}"] [data-open-order]`).count()
		).toBe(0);
		expect(await axeViolations(hq.page)).toEqual([]);
	});
});
