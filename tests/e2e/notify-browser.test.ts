/**
 * A resident subscribes on `/` in real Chromium and the real service worker shows the alert.
 * Headless Chromium cannot reach a vendor's push service, so two things stand in (STACK-NOTES
 * "Web Push without internet"): PushManager.prototype.subscribe is stubbed in the page to hand
 * out a subscription of the loopback push service, and the message the server really sent
 * (received and decrypted by that loopback service) is delivered to the service worker with the
 * DevTools protocol's ServiceWorker.deliverPushMessage. Everything else is real: the subscribe
 * form, the API, the trigger, the worker, the encryption, the service worker's push handler,
 * `registration.getNotifications()`, and the offline alert cache in IndexedDB. The resident also
 * ticks 「気象警報も受け取る」: a JMA telegram (DERIVED from a real sample at test time, 加工) posted
 * by HQ shows as JMA's notification (tag jma-<kind>) next to the city's, and stays out of the
 * alert cache.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { JmaPushPayload } from '#lib/notify/jma-payload.ts';
import type { PushPayload } from '#lib/notify/payload.ts';
import { addAccount, call, signIn } from '../support/api.ts';
import { gotoHydrated, useBrowser } from '../support/browser.ts';
import { derivedLandslideKomae } from '../support/jma.ts';
import { type LoopbackPushService, startPushService } from '../support/push-service.ts';
import { type RunningServer, startServer, tempDataDir } from '../support/server.ts';

const harness = useBrowser();
let server: RunningServer;
let push: LoopbackPushService;
let hqToken: string;

beforeAll(async () => {
	push = await startPushService();
	const dataDir = tempDataDir('bosai-notify-browser-');
	const hq = addAccount(dataDir, 'notify-browser-hq', 'hq');
	server = await startServer({
		dataDir,
		env: { BOSAI_PUSH_LOOPBACK_HTTP: '1', BOSAI_PUSH_HOSTS: '127.0.0.1' }
	});
	hqToken = (await signIn(server.url, hq)).access_token;
}, 120_000);
afterAll(async () => {
	await server?.stop();
	await push?.close();
});

async function waitForMessage(id: string, count: number, version: number): Promise<PushPayload> {
	const until = Date.now() + 30_000;
	for (;;) {
		const last = push.messages(id).at(-1)?.payload as PushPayload | undefined;
		if (push.messages(id).length === count && last?.version === version) return last;
		if (Date.now() > until) throw new Error(`no push v${version} for ${id}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

describe('push notifications in Chromium', () => {
	test('subscribing on / and an alert issued on HQ show a notification with the level and tag; the cancellation replaces it; the alert is cached offline; a JMA warning shows as JMA’s (気象警報も受け取る)', async () => {
		const { page, context } = await harness.newPage();
		await context.grantPermissions(['notifications'], { origin: server.url });
		const subscription = push.subscribe();
		await page.addInitScript(
			(sub: { endpoint: string; keys: { p256dh: string; auth: string } }) => {
				// Stub: no vendor push service is reachable here (see the file comment).
				PushManager.prototype.subscribe = async function () {
					return {
						endpoint: sub.endpoint,
						toJSON: () => ({ endpoint: sub.endpoint, keys: sub.keys })
					} as never;
				};
			},
			{ endpoint: subscription.endpoint, keys: subscription.keys }
		);

		await gotoHydrated(page, `${server.url}/`);
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
		});
		await page.getByText('通知を受け取る', { exact: true }).click();
		await page.getByRole('checkbox', { name: '和泉本町一丁目' }).check();
		await page.getByTestId('notify-subscribe').getByLabel('言語').selectOption('en');
		await page
			.getByRole('checkbox', { name: '気象警報も受け取る（警戒レベル3相当以上・気象庁の発表）' })
			.check();
		await page.getByRole('button', { name: 'この端末で通知を受け取る' }).click();
		const status = page.getByTestId('notify-subscribe').getByRole('status');
		await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('この端末で通知を受け取ります。');
		expect(await page.evaluate(() => localStorage.getItem('bosai_notify_token'))).toMatch(/^[0-9a-f]{64}$/);

		const cdp = await context.newCDPSession(page);
		const registrations: { registrationId: string; scopeURL: string }[] = [];
		cdp.on('ServiceWorker.workerRegistrationUpdated', (event: { registrations: typeof registrations }) => {
			registrations.push(...event.registrations);
		});
		await cdp.send('ServiceWorker.enable');
		await expect.poll(() => registrations.length).toBeGreaterThan(0);
		const registrationId = registrations[0].registrationId;

		const issued = await call<{ id: string }>(server.url, 'POST', '/api/alerts', {
			token: hqToken,
			body: {
				level: 4,
				hazard: 'flood',
				areas: ['和泉本町一丁目'],
				text: { ja: '（合成）多摩川氾濫のおそれ', en: '(synthetic) The Tama river may flood' }
			}
		});
		const alertId = issued.body.id;
		const payload = await waitForMessage(subscription.id, 1, 1);
		expect(payload).toMatchObject({ locale: 'en', title: 'Alert level 4: Evacuation order', tag: alertId });

		await cdp.send('ServiceWorker.deliverPushMessage', {
			origin: server.url,
			registrationId,
			data: JSON.stringify(payload)
		});
		const shown = () =>
			page.evaluate(async () => {
				const registration = await navigator.serviceWorker.ready;
				return (await registration.getNotifications()).map((n) => ({
					title: n.title,
					tag: n.tag,
					body: n.body,
					requireInteraction: n.requireInteraction
				}));
			});
		await expect.poll(shown, { timeout: 10_000 }).toEqual([
			{
				title: 'Alert level 4: Evacuation order',
				tag: alertId,
				body: 'Areas: 和泉本町一丁目\n(synthetic) The Tama river may flood',
				requireInteraction: true
			}
		]);
		const cachedIds = () =>
			page.evaluate(
				() =>
					new Promise<string[]>((resolve, reject) => {
						const open = indexedDB.open('bosai-resident');
						open.onerror = () => reject(open.error);
						open.onsuccess = () => {
							const get = open.result.transaction('kv').objectStore('kv').get('alerts');
							get.onsuccess = () => resolve(((get.result?.value ?? []) as { id: string }[]).map((a) => a.id));
						};
					})
			);
		const cached = await cachedIds();
		expect(cached).toContain(alertId);
		// A click opens the payload's URL: `/` brings that alert into view and gives it focus.
		expect(payload.url).toBe(`/?alert=${alertId}`);
		await gotoHydrated(page, `${server.url}${payload.url}`);
		await expect
			.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-alert-id') ?? null), {
				timeout: 10_000
			})
			.toBe(alertId);
		expect(
			await page.evaluate((id) => {
				const box = document.querySelector(`[data-alert-id="${id}"]`)!.getBoundingClientRect();
				return box.bottom > 0 && box.top < innerHeight;
			}, alertId)
		).toBe(true);

		await call(server.url, 'POST', `/api/alerts/${alertId}/cancel`, { token: hqToken, body: {} });
		const cancel = await waitForMessage(subscription.id, 1, 2);
		await cdp.send('ServiceWorker.deliverPushMessage', {
			origin: server.url,
			registrationId,
			data: JSON.stringify(cancel)
		});
		await expect.poll(shown, { timeout: 10_000 }).toEqual([
			{
				title: 'Lifted: Alert level 4: Evacuation order',
				tag: alertId,
				body: 'Areas: 和泉本町一丁目\nThis evacuation alert has been lifted.',
				requireInteraction: false
			}
		]);

		// 「気象警報も受け取る」: JMA's レベル４土砂災害危険警報 for 狛江市 reaches this subscriber as JMA's.
		const posted = await call(server.url, 'POST', '/api/jma/telegrams', {
			token: hqToken,
			body: derivedLandslideKomae(),
			headers: { 'content-type': 'application/xml' }
		});
		expect(posted.status).toBe(201);
		let jma: JmaPushPayload | undefined;
		await expect
			.poll(
				() =>
					(jma = push
						.messages(subscription.id)
						.map((m) => m.payload as JmaPushPayload)
						.find((p) => p.source === 'jma')),
				{ timeout: 30_000 }
			)
			.toBeDefined();
		await cdp.send('ServiceWorker.deliverPushMessage', {
			origin: server.url,
			registrationId,
			data: JSON.stringify(jma)
		});
		await expect
			.poll(async () => (await shown()).find((n) => n.tag === 'jma-landslide'), { timeout: 10_000 })
			.toEqual({
				title: 'JMA: 神奈川県レベル４土砂災害危険警報 (Komae)',
				tag: 'jma-landslide',
				body: expect.stringMatching(
					/Issued by the Japan Meteorological Agency; not Komae City’s evacuation information\.\n出典：気象庁ホームページ$/
				),
				requireInteraction: false
			});
		// The city's 解除 stays; nothing of JMA's joins the resident's alert cache.
		expect((await shown()).map((n) => n.tag).sort()).toEqual([alertId, 'jma-landslide'].sort());
		expect(await cachedIds()).toEqual(cached);
	}, 120_000);
});
