/**
 * HQ's view of notifications: subscriber counts per area and per-alert delivery counts, from
 * GET /api/notify/counts with HQ's session, kept live by the `delivery` events on the hq topic.
 * Counts only: no subscriber ever reaches HQ.
 */
import type { DeliveryCounts } from './schema.ts';

export interface HqNotifyCounts {
	mail_configured: boolean;
	areas: { area: string; push: number; email: number }[];
	alerts: DeliveryCounts[];
}

// UNFINISHED: Supabase mode has the same RPCs (hq_subscriber_counts, hq_delivery_counts) but the
// Backend port has no method for them yet; this reads the embedded server's HTTP API only.
export async function loadHqNotifyCounts(
	accessToken: string,
	alertIds: string[],
	fetcher: typeof fetch = fetch
): Promise<HqNotifyCounts> {
	const response = await fetcher(`/api/notify/counts?alerts=${alertIds.slice(0, 200).join(',')}`, {
		headers: { authorization: `Bearer ${accessToken}` },
		cache: 'no-store'
	});
	if (!response.ok) throw new Error(`notify counts: HTTP ${response.status}`);
	return (await response.json()) as HqNotifyCounts;
}

export function isDeliveryCounts(value: unknown): value is DeliveryCounts {
	const v = value as Partial<DeliveryCounts> | null;
	return (
		typeof v === 'object' &&
		v !== null &&
		typeof v.alert_id === 'string' &&
		typeof v.queued === 'number' &&
		typeof v.sent === 'number' &&
		typeof v.failed === 'number'
	);
}

/** Counts with one alert's fresh numbers put in. */
export function mergeCounts(list: readonly DeliveryCounts[], fresh: DeliveryCounts): DeliveryCounts[] {
	return list.some((c) => c.alert_id === fresh.alert_id)
		? list.map((c) => (c.alert_id === fresh.alert_id ? fresh : c))
		: [fresh, ...list];
}
