/**
 * The resident side of subscriptions, for the page: Web Push through the browser's PushManager
 * (VAPID key from the server), e-mail sign-up, and managing one's own subscription by its token.
 * The push subscription's manage token stays on this device only (localStorage).
 */
import type { SubscriptionPrefs, SubscriptionView } from './schema.ts';
import { manageTokenHeader } from './limits.ts';

export const tokenStorageKey = 'bosai_notify_token';

export interface NotifyServerConfig {
	vapid_public_key: string;
	mail: boolean;
}

export class NotifyError extends Error {
	readonly status: number;
	readonly code: string;
	constructor(status: number, code: string, message: string) {
		super(message);
		this.status = status;
		this.code = code;
	}
}

async function request<T>(path: string, init: RequestInit = {}, fetcher: typeof fetch = fetch): Promise<T> {
	const response = await fetcher(path, {
		...init,
		headers: { 'content-type': 'application/json', ...init.headers },
		cache: 'no-store'
	});
	const body = (await response.json().catch(() => null)) as {
		error?: { code: string; message: string };
	} | null;
	if (!response.ok) {
		throw new NotifyError(response.status, body?.error?.code ?? 'failed', body?.error?.message ?? 'failed');
	}
	return body as T;
}

export function loadNotifyConfig(fetcher: typeof fetch = fetch): Promise<NotifyServerConfig> {
	return request('/api/notify', { method: 'GET' }, fetcher);
}

/** base64url → the bytes PushManager wants as applicationServerKey. */
export function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
	const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
	const raw = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
	const bytes = new Uint8Array(new ArrayBuffer(raw.length));
	for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
	return bytes;
}

export async function subscribePush(
	registration: ServiceWorkerRegistration,
	vapidPublicKey: string,
	prefs: SubscriptionPrefs
): Promise<SubscriptionView & { manage_token: string }> {
	const subscription = await registration.pushManager.subscribe({
		userVisibleOnly: true,
		applicationServerKey: keyBytes(vapidPublicKey)
	});
	const { endpoint, keys } = subscription.toJSON() as {
		endpoint: string;
		keys: { p256dh: string; auth: string };
	};
	const made = await request<SubscriptionView & { manage_token: string }>('/api/notify/push', {
		method: 'POST',
		body: JSON.stringify({ endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth }, ...prefs })
	});
	localStorage.setItem(tokenStorageKey, made.manage_token);
	return made;
}

export function subscribeEmail(email: string, prefs: SubscriptionPrefs): Promise<{ status: 'pending' }> {
	return request('/api/notify/email', { method: 'POST', body: JSON.stringify({ email, ...prefs }) });
}

export function confirmEmail(token: string): Promise<SubscriptionView> {
	return request('/api/notify/confirm', { method: 'POST', body: JSON.stringify({ token }) });
}

export function mySubscription(token: string): Promise<SubscriptionView> {
	return request('/api/notify/subscription', { method: 'GET', headers: { [manageTokenHeader]: token } });
}

export function updateSubscription(token: string, prefs: SubscriptionPrefs): Promise<SubscriptionView> {
	return request('/api/notify/subscription', {
		method: 'PATCH',
		headers: { [manageTokenHeader]: token },
		body: JSON.stringify(prefs)
	});
}

export function deleteSubscription(token: string): Promise<{ deleted: boolean }> {
	return request('/api/notify/subscription', {
		method: 'DELETE',
		headers: { [manageTokenHeader]: token },
		body: '{}'
	});
}

/** The token in a mail link's fragment (#token=…), never sent to the server in the URL. */
export function tokenFromHash(hash: string): string | null {
	const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
	return token && /^[0-9a-f]{64}$/.test(token) ? token : null;
}
