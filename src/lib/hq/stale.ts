/** Stale rule: a shelter whose latest report is older than the threshold needs a call from HQ. */
import type { HqShelter } from './types.ts';

export const defaultStaleMinutes = 60;
/** Fractions allowed: a drill (and the e2e test) may flag after seconds. */
export const minStaleMinutes = 0.1;
export const maxStaleMinutes = 24 * 60;

/** Age of the latest report in ms, or null when the shelter never reported. */
export function reportAgeMs(shelter: Pick<HqShelter, 'status'>, now: number): number | null {
	if (!shelter.status) return null;
	return Math.max(0, now - Date.parse(shelter.status.updated_at));
}

/**
 * Stale when it reported before and the report is older than the threshold. A shelter that never
 * reported is "not reported", its own state, not stale. A closed shelter is never stale.
 */
export function isStale(shelter: Pick<HqShelter, 'status'>, now: number, thresholdMinutes: number): boolean {
	const age = reportAgeMs(shelter, now);
	if (age === null || shelter.status?.status === 'closed') return false;
	return age > thresholdMinutes * 60_000;
}

/** Clamps a threshold typed by a user; anything not a number falls back to the default. */
export function normalizeStaleMinutes(value: unknown): number {
	const n = typeof value === 'string' ? Number(value) : value;
	if (typeof n !== 'number' || !Number.isFinite(n)) return defaultStaleMinutes;
	return Math.min(maxStaleMinutes, Math.max(minStaleMinutes, n));
}

/** Age rounded for display: minutes under two hours, then hours. */
export function ageParts(ms: number): { unit: 'minutes' | 'hours'; value: number } {
	const minutes = Math.floor(ms / 60_000);
	return minutes < 120
		? { unit: 'minutes', value: minutes }
		: { unit: 'hours', value: Math.floor(minutes / 60) };
}
