import type { Alert } from '#lib/domain/alert.ts';

/**
 * Alerts in force for a 町丁目: not cancelled, not expired, and issued for that town or for the
 * whole city ("all"). Without a town every alert in force is shown (the resident has not told us
 * where they are). Highest level first, then newest.
 */
export function activeAlerts(alerts: readonly Alert[], town: string | null, now: number): Alert[] {
	const time = now;
	return alerts
		.filter((alert) => alert.cancelled_at === null)
		.filter((alert) => !alert.expires_at || Date.parse(alert.expires_at) > time)
		.filter((alert) => town === null || alert.areas.includes('all') || alert.areas.includes(town))
		.sort((a, b) => b.level - a.level || Date.parse(b.issued_at) - Date.parse(a.issued_at));
}

/** Whole minutes from `iso` to `now` (epoch ms; never negative: a clock ahead of ours shows 0). */
export function minutesSince(iso: string, now: number): number | null {
	const then = Date.parse(iso);
	if (Number.isNaN(then)) return null;
	return Math.max(0, Math.floor((now - then) / 60_000));
}

/** ISO 8601 of an epoch-ms instant (kept here: the rune modules keep no Date objects). */
export function isoAt(ms: number): string {
	return new Date(ms).toISOString();
}
