/**
 * What the service worker does with a push message, pure: the notification it shows and how the
 * alert joins the resident's offline alert cache (so the page opened by a click shows it even
 * offline). The payload was built for this subscriber by the server (payload.ts).
 */
import type { Alert } from '../domain/alert.ts';
import type { JmaPushPayload } from './jma-payload.ts';
import type { PushPayload } from './payload.ts';

export interface ShownNotification {
	title: string;
	options: NotificationOptions & { requireInteraction: boolean; renotify?: boolean };
}

export function isPushPayload(value: unknown): value is PushPayload {
	const p = value as Partial<PushPayload> | null;
	return (
		typeof p === 'object' &&
		p !== null &&
		p.v === 1 &&
		typeof p.alert_id === 'string' &&
		typeof p.title === 'string' &&
		typeof p.body === 'string' &&
		typeof p.url === 'string' &&
		p.url.startsWith('/') &&
		!p.url.startsWith('//')
	);
}

/** A 「気象警報も受け取る」 push: JMA's, never written to the city's alert cache. */
export function isJmaPushPayload(value: unknown): value is JmaPushPayload {
	const p = value as Partial<JmaPushPayload> | null;
	return (
		typeof p === 'object' &&
		p !== null &&
		p.v === 1 &&
		p.source === 'jma' &&
		typeof p.tag === 'string' &&
		p.tag.startsWith('jma-') &&
		typeof p.title === 'string' &&
		typeof p.body === 'string'
	);
}

export function jmaNotificationOf(payload: JmaPushPayload): ShownNotification {
	return {
		title: payload.title,
		options: {
			body: payload.body,
			// jma-<kind>: a newer one of the same kind, or its 解除, replaces this notification.
			tag: payload.tag,
			renotify: true,
			icon: payload.icon,
			lang: payload.locale === 'ja-x-easy' ? 'ja' : payload.locale,
			// JMA's information is never made to look like the city's (L4–5 alerts require interaction).
			requireInteraction: false,
			data: { url: '/' }
		}
	};
}

export function notificationOf(payload: PushPayload): ShownNotification {
	return {
		title: payload.title,
		options: {
			body: payload.body,
			// Same tag as the alert: a re-send or the 解除 replaces this notification, never doubles.
			tag: payload.tag,
			// A cancellation replacing the alert should still be noticed.
			renotify: payload.cancelled,
			icon: payload.icon,
			badge: payload.icon,
			lang: payload.locale === 'ja-x-easy' ? 'ja' : payload.locale,
			requireInteraction: payload.require_interaction,
			data: { url: payload.url, alert_id: payload.alert_id }
		}
	};
}

/** The cached alert list with this alert put in (replacing an older copy of it). */
export function mergeAlert(cached: readonly Alert[], payload: PushPayload, now: number): Alert[] {
	const { alert } = payload;
	const entry: Alert = {
		id: alert.id,
		level: alert.level,
		hazard: alert.hazard as Alert['hazard'],
		areas: alert.areas,
		text: { ja: alert.text.ja ?? Object.values(alert.text)[0] ?? '', ...alert.text },
		issued_by: null,
		issued_at: alert.issued_at,
		cancelled_at: payload.cancelled
			? (alert.cancelled_at ?? new Date(now).toISOString())
			: alert.cancelled_at,
		drill: alert.drill,
		...(alert.expires_at ? { expires_at: alert.expires_at } : {})
	};
	const kept = cached.filter((a) => a.id !== alert.id);
	// Keep the cache's own (fuller) text when it already had this alert.
	const previous = cached.find((a) => a.id === alert.id);
	const merged = previous ? { ...previous, cancelled_at: entry.cancelled_at } : entry;
	return [merged, ...kept].sort((a, b) => Date.parse(b.issued_at) - Date.parse(a.issued_at));
}
