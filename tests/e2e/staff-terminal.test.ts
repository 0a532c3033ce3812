import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import type { Message } from '#lib/backend/port.ts';
import { call, reportFor, signIn } from '../support/api.ts';
import { gotoHydrated, phoneViewport, useBrowser } from '../support/browser.ts';
import {
	axeViolations,
	networkErrors,
	queueCount,
	shelterName,
	reportsAsHq,
	signInStaff,
	submitReportForm,
	waitSynced
} from './staff-support.ts';

const baseURL = inject('baseURL');
const accounts = inject('accounts');
const harness = useBrowser();

describe('staff terminal in Chromium', () => {
	it('shows only the signed-in staff member’s shelter, and reports go to it', async () => {
		const { page } = await harness.newPage({ viewport: phoneViewport });
		const marker = `synthetic-own-${randomBytes(4).toString('hex')}`;
		await signInStaff(page, baseURL, accounts.staffA);
		await expect
			.poll(() => page.textContent('[data-testid="shelter-name"]'))
			.toContain(await shelterName(baseURL, accounts.staffA.shelter_id));
		// No control anywhere names another shelter: the form has no shelter choice at all.
		expect(await page.locator('main select, main input[name="shelter_id"]').count()).toBe(0);
		await submitReportForm(page, { note: `${marker} #1`, needs: ['water', 'blankets'] });
		await waitSynced(page, 1);
		expect(await queueCount(page)).toBe(0);
		const rows = await reportsAsHq(baseURL, accounts.hq, marker);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ shelter_id: accounts.staffA.shelter_id, needs: ['water', 'blankets'] });
	});

	it('a wrong password shows a message that takes focus, and signs nobody in', async () => {
		const { page } = await harness.newPage({ allowErrors: [/401/] });
		await gotoHydrated(page, `${baseURL}/staff`);
		await page.fill('#signin-username', accounts.staffA.username);
		await page.fill('#signin-password', `${accounts.staffA.password}-wrong`);
		await page.click('form.signin button[type="submit"]');
		await page.waitForSelector('#signin-error');
		expect(await page.textContent('#signin-error')).toContain('パスワードが違います');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('signin-error');
		expect(await page.inputValue('#signin-password')).toBe('');
		expect(await page.locator('#report-form-title').count()).toBe(0);
	});

	it('sets the headcount with stepper and keypad, then repeats the report with one tap', async () => {
		const { page } = await harness.newPage({ viewport: phoneViewport });
		const marker = `synthetic-quick-${randomBytes(4).toString('hex')}`;
		await signInStaff(page, baseURL, accounts.staffA);
		await page.check('input[name="status"][value="open"]');
		await page.check('input[name="crowding"][value="slightly_crowded"]');
		await page.fill('#note', marker);
		await page.click('.stepper button[data-step="10"]');
		await page.click('.stepper button[data-step="10"]');
		await page.click('.stepper button[data-step="-1"]');
		expect(await page.inputValue('#evacuees-0')).toBe('19');
		await page.click('button[aria-controls="evacuees-keypad"]');
		await page.click('#evacuees-keypad button[aria-label="1文字消す"]');
		await page.click('#evacuees-keypad button:text-is("4")');
		expect(await page.inputValue('#evacuees-0')).toBe('14');
		await page.click('form.report-form button[type="submit"]');
		await waitSynced(page, 1);

		await page.click('.quick button.primary'); // 変化なし
		await waitSynced(page, 2);
		await page.fill('#quick-headcount', '77');
		await page.click('.quick form button[type="submit"]'); // 人数だけ更新
		await waitSynced(page, 3);

		const rows = await reportsAsHq(baseURL, accounts.hq, marker);
		expect(rows.map((r) => [r.status, r.evacuees, r.crowding])).toEqual([
			['open', 14, 'slightly_crowded'],
			['open', 14, 'slightly_crowded'],
			['open', 77, 'slightly_crowded']
		]);
		expect(new Set(rows.map((r) => r.client_id)).size).toBe(3);
		expect(rows[1]!.reported_at > rows[0]!.reported_at).toBe(true); // the age is refreshed
	});

	it('the API answers 403 when staff of shelter A report for shelter B, and stores nothing', async () => {
		const { access_token } = await signIn(baseURL, accounts.staffA);
		const report = reportFor(accounts.staffB.shelter_id, {
			note: `synthetic-forbidden-${randomBytes(4).toString('hex')}`
		});
		const result = await call<{ error: { code: string } }>(baseURL, 'POST', '/api/reports', {
			token: access_token,
			body: report
		});
		expect(result.status).toBe(403);
		expect(result.body.error.code).toBeTruthy();
		expect(await reportsAsHq(baseURL, accounts.hq, report.note)).toEqual([]);
	});

	it('a report the server refuses stays visible with its reason and does not block the queue', async () => {
		// Staff A queues offline and signs out (warned); staff B signs in on the same terminal: the
		// server refuses A's report for B's token (403), B's own report still goes through.
		const { page, context } = await harness.newPage({ allowErrors: [...networkErrors, /403/] });
		const marker = `synthetic-refused-${randomBytes(4).toString('hex')}`;
		await signInStaff(page, baseURL, accounts.staffA);
		await context.setOffline(true);
		await submitReportForm(page, { note: `${marker} A` });
		await expect.poll(() => queueCount(page)).toBe(1);
		await page.click('.signed-in button');
		await page.waitForSelector('[role="alertdialog"]');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alertdialog');
		await page.click('[role="alertdialog"] button >> nth=0');
		await page.waitForSelector('#signin-username');
		expect(await queueCount(page)).toBe(1); // sign-out never clears the outbox

		await context.setOffline(false);
		await page.fill('#signin-username', accounts.staffB.username);
		await page.fill('#signin-password', accounts.staffB.password);
		await page.click('form.signin button[type="submit"]');
		await page.waitForSelector('#report-form-title');
		await page.waitForSelector('[data-testid="outbox-rejected"] li');
		const nameB = await shelterName(baseURL, accounts.staffB.shelter_id);
		await expect.poll(() => page.textContent('[data-testid="shelter-name"]')).toContain(nameB);
		expect(await page.textContent('[data-testid="outbox-rejected"]')).toMatch(/\S/);
		expect(await queueCount(page)).toBe(0);
		await submitReportForm(page, { note: `${marker} B` });
		await waitSynced(page, 1); // the list shows shelter B's reports only
		expect(await queueCount(page)).toBe(0);
		const rows = await reportsAsHq(baseURL, accounts.hq, marker);
		expect(rows.map((r) => [r.note, r.shelter_id])).toEqual([[`${marker} B`, accounts.staffB.shelter_id]]);
		// It leaves the list only when staff dismiss it.
		await page.click('[data-testid="outbox-rejected"] li button');
		await page.waitForSelector('[data-testid="outbox-rejected"]', { state: 'detached' });
	});

	it('an expired session keeps the queue, asks to sign in again, then sends', async () => {
		const { page } = await harness.newPage({ allowErrors: [...networkErrors, /401/] });
		const marker = `synthetic-expired-${randomBytes(4).toString('hex')}`;
		await signInStaff(page, baseURL, accounts.staffA);
		// The server refuses the token once, as it does when it has expired.
		await page.route('**/api/reports', (route) =>
			route.request().method() === 'POST'
				? route.fulfill({
						status: 401,
						contentType: 'application/json',
						body: JSON.stringify({ error: { code: 'invalid_token', message: 'token expired' } })
					})
				: route.continue()
		);
		await submitReportForm(page, { note: marker });
		await page.waitForSelector('form.signin [role="alert"]');
		expect(await page.textContent('form.signin')).toContain('有効期限');
		expect(await queueCount(page)).toBe(1);
		expect(await reportsAsHq(baseURL, accounts.hq, marker)).toEqual([]);

		await page.unroute('**/api/reports');
		await page.fill('#signin-username', accounts.staffA.username);
		await page.fill('#signin-password', accounts.staffA.password);
		await page.click('form.signin button[type="submit"]');
		await expect.poll(() => queueCount(page), { timeout: 10_000 }).toBe(0);
		expect((await reportsAsHq(baseURL, accounts.hq, marker)).map((r) => r.note)).toEqual([marker]);
	});

	it('validates next to each field with an error summary that takes focus, and passes axe', async () => {
		const { page } = await harness.newPage({ bypassCSP: true });
		await gotoHydrated(page, `${baseURL}/staff`);
		await page.waitForSelector('#signin-username');
		expect(await axeViolations(page)).toEqual([]);
		await signInStaff(page, baseURL, accounts.staffA);
		await page.fill('#evacuees-0', '12a');
		await page.fill('#note', 'x'.repeat(501));
		// A fresh browser profile has no earlier report, so status and crowding start unchosen.
		const before = await queueCount(page);
		await page.click('form.report-form button[type="submit"]');
		await page.waitForSelector('.error-summary');
		expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
		expect(await page.textContent('#evacuees-error')).toContain('100,000');
		expect(await page.textContent('#note-error')).toContain('500');
		expect(await page.getAttribute('#evacuees-0', 'aria-invalid')).toBe('true');
		expect(await queueCount(page)).toBe(before);
		// The summary's entry moves focus to its field.
		await page.click('.error-summary a[href="#evacuees-0"]');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('evacuees-0');

		expect(await axeViolations(page)).toEqual([]);
		await page.emulateMedia({ colorScheme: 'dark' });
		// The theme "auto" follows the system through a media listener (static/look-init.js): async.
		await expect
			.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor))
			.toBe('rgb(18, 18, 18)');
		expect(await axeViolations(page)).toEqual([]);
	});

	it('shows an HQ message live, and marking it read reaches HQ as a receipt', async () => {
		const { page } = await harness.newPage();
		await signInStaff(page, baseURL, accounts.staffA);
		await page.waitForSelector('.live:has-text("リアルタイム")');
		const body = `synthetic message ${randomBytes(4).toString('hex')}`;
		const { access_token } = await signIn(baseURL, accounts.hq);
		const sent = await call<Message>(baseURL, 'POST', '/api/messages', {
			token: access_token,
			body: { shelter_id: accounts.staffA.shelter_id, body }
		});
		expect(sent.status).toBeLessThan(300);
		const item = page.locator('[data-testid="messages"] li', { hasText: body });
		await item.waitFor({ timeout: 10_000 });
		await item.locator('button').click();
		await item.locator('p', { hasText: '既読' }).waitFor();
		const list = await call<(Message & { reads: { shelter_id: string }[] })[]>(
			baseURL,
			'GET',
			'/api/messages',
			{
				token: access_token
			}
		);
		const receipt = list.body.find((m) => m.body === body);
		expect(receipt?.reads.map((r) => r.shelter_id)).toEqual([accounts.staffA.shelter_id]);
	});
});
