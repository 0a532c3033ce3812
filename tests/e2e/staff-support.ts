/** Steps the staff e2e tests share: sign in on /staff, fill the report form, read the queue. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Report } from '#lib/domain/report.ts';
import { call, signIn, type TestAccount } from '../support/api.ts';
import { gotoHydrated } from '../support/browser.ts';

/** What a page logs while the network is down or the server is restarting. */
export const networkErrors = [
	/ERR_INTERNET_DISCONNECTED/,
	/ERR_CONNECTION_REFUSED/,
	/ERR_CONNECTION_RESET/,
	/ERR_FAILED/,
	/ERR_EMPTY_RESPONSE/,
	/Failed to load resource/,
	/Failed to fetch/
];

export async function signInStaff(page: Page, baseURL: string, account: TestAccount): Promise<void> {
	await gotoHydrated(page, `${baseURL}/staff`);
	await page.fill('#signin-username', account.username);
	await page.fill('#signin-password', account.password);
	await page.click('form.signin button[type="submit"]');
	await page.waitForSelector('#report-form-title');
}

export interface FormValues {
	status?: string;
	evacuees?: string;
	crowding?: string;
	needs?: string[];
	note: string;
}

export async function submitReportForm(page: Page, values: FormValues): Promise<void> {
	await page.check(`input[name="status"][value="${values.status ?? 'open'}"]`);
	await page.fill('#evacuees-0', values.evacuees ?? '12');
	await page.check(`input[name="crowding"][value="${values.crowding ?? 'vacant'}"]`);
	for (const need of values.needs ?? []) await page.check(`input[name="needs"][value="${need}"]`);
	await page.fill('#note', values.note);
	await page.click('form.report-form button[type="submit"]');
}

export async function queueCount(page: Page): Promise<number> {
	return Number(await page.getAttribute('[data-testid="outbox-count"]', 'data-count'));
}

/** Waits until the screen lists `count` of its reports as acknowledged by the server. */
export async function waitSynced(page: Page, count: number): Promise<void> {
	const synced = () => page.locator('[data-testid="recent-reports"] li[data-sync="synced"]').count();
	await expect.poll(synced, { timeout: 15_000 }).toBe(count);
}

/** Reports whose note starts with `marker`, as HQ reads them from the database, oldest first. */
const hqTokens = new Map<string, Promise<string>>();

export async function reportsAsHq(baseURL: string, hq: TestAccount, marker: string): Promise<Report[]> {
	// One sign-in per server and account: password hashing is deliberately slow.
	const key = `${baseURL} ${hq.username}`;
	if (!hqTokens.has(key))
		hqTokens.set(
			key,
			signIn(baseURL, hq).then((answer) => answer.access_token)
		);
	const access_token = await hqTokens.get(key)!;
	const result = await call<Report[]>(baseURL, 'GET', '/api/reports', { token: access_token });
	expect(result.status).toBe(200);
	return result.body.filter((r) => r.note.startsWith(marker)).sort((a, b) => a.id - b.id);
}

export { axeViolations } from '../support/axe.ts';

/** The name /api/shelters gives a shelter (what the staff screen must show). */
export async function shelterName(baseURL: string, id: string): Promise<string> {
	const response = await fetch(`${baseURL}/api/shelters`);
	const collection = (await response.json()) as { features: { properties: { id: string; name: string } }[] };
	const feature = collection.features.find((f) => f.properties.id === id);
	if (!feature) throw new Error(`shelter ${id} not in /api/shelters`);
	return feature.properties.name;
}
