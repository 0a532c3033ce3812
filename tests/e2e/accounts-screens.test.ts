/**
 * Issue 16 screens in real Chromium, on the shared e2e server: HQ's 「アカウント」 panel creates an
 * account (the passphrase shown once, usable at once) and makes a 端末登録コード with its QR; the
 * QR's /staff address enrolls a fresh browser as that shelter's terminal. axe (WCAG 2.2 AA) on
 * both screens.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { call } from '../support/api.ts';
import { axeViolations } from '../support/axe.ts';
import { gotoHydrated, useBrowser } from '../support/browser.ts';

const baseURL = inject('baseURL');
const accounts = inject('accounts');
const harness = useBrowser();

describe('accounts and terminals on screen (issue 16)', () => {
	it('HQ creates an account and an enrollment code; the code enrolls a terminal', async () => {
		const { page } = await harness.newPage({ bypassCSP: true });
		await gotoHydrated(page, `${baseURL}/hq`);
		await page.fill('#hq-username', accounts.hq.username);
		await page.fill('#hq-password', accounts.hq.password);
		await page.click('form button[type="submit"]');
		const username = `synthetic-ui-${randomBytes(3).toString('hex')}`;
		await page.click('[role="tab"][data-tab="accounts"]');
		await page.waitForSelector(`#hq-accounts tr[data-account="${accounts.staffA.username}"]`);

		await page.fill('#hq-accounts-username', username);
		await page.selectOption('#hq-accounts-shelter', accounts.staffA.shelter_id);
		await page.click('#hq-accounts form:has(#hq-accounts-username) button[type="submit"]');
		const password = (await page
			.locator('[data-testid="issued-password"]')
			.textContent({ timeout: 10_000 }))!;
		expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
		await page.waitForSelector(`#hq-accounts tr[data-account="${username}"]`);
		const signedIn = await call(baseURL, 'POST', '/api/auth/token', { body: { username, password } });
		expect(signedIn.status).toBe(200);

		await page.selectOption('#hq-accounts-enroll-shelter', accounts.staffB.shelter_id);
		await page.click('#hq-accounts form:has(#hq-accounts-enroll-shelter) button[type="submit"]');
		const qr = page.locator('#hq-accounts img[alt*="/staff?enroll="]');
		await qr.waitFor({ timeout: 10_000 });
		const alt = (await qr.getAttribute('alt'))!;
		const url = /(http\S+\/staff\?enroll=[A-Z0-9]{8})/.exec(alt)![1];
		// The audit log shows the steps (table アカウント操作), newest first.
		await page.click('[role="tab"][data-tab="audit"]');
		await page.selectOption('#hq-audit-table', 'accounts');
		await page.click('#hq-panel-audit button:has-text("表示する")');
		const entry = page.locator('#hq-audit-table-view tbody tr').first();
		await entry.waitFor();
		expect(await entry.textContent()).toContain('enrollment_code');
		expect(await axeViolations(page)).toEqual([]);

		// A fresh browser opens the QR's address: the code is filled in, one press enrolls it.
		const terminal = await harness.newPage({ bypassCSP: true });
		await gotoHydrated(terminal.page, url.replace(/^https?:\/\/[^/]+/, baseURL));
		expect(await terminal.page.inputValue('#enroll-code')).toBe(url.slice(-8));
		expect(await axeViolations(terminal.page)).toEqual([]);
		await terminal.page.click('#enroll-title ~ p button[type="submit"]');
		await terminal.page.waitForSelector('[data-testid="shelter-name"]', { timeout: 15_000 });
		expect(await terminal.page.evaluate(() => localStorage.getItem('bosai.device'))).toContain(
			accounts.staffB.shelter_id
		);

		// The same code again, in another browser: a clear refusal on screen.
		const again = await harness.newPage({ bypassCSP: true, allowErrors: [/status of 410 .*\/api\/enroll/] });
		await gotoHydrated(again.page, url.replace(/^https?:\/\/[^/]+/, baseURL));
		await again.page.click('#enroll-title ~ p button[type="submit"]');
		await expect.poll(() => again.page.textContent('#enroll-error'), { timeout: 10_000 }).toMatch(/使用済み/);
	}, 120_000);
});
