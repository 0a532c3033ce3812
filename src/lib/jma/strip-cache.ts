/** The residents' last JMA answer in localStorage, with the time it was received (offline use). */
import type { JmaSnapshot } from './snapshot.ts';

const key = 'bosai.jma.snapshot';

export interface SavedJma {
	value: JmaSnapshot;
	saved_at: string;
}

export function saveJma(storage: Storage, value: JmaSnapshot, at: number): void {
	try {
		storage.setItem(key, JSON.stringify({ value, saved_at: new Date(at).toISOString() }));
	} catch {
		// Full or private storage: live data only.
	}
}

export function loadJma(storage: Storage): SavedJma | null {
	try {
		const saved = JSON.parse(storage.getItem(key) ?? 'null') as SavedJma | null;
		return saved && Array.isArray(saved.value?.in_effect) && typeof saved.saved_at === 'string'
			? saved
			: null;
	} catch {
		return null;
	}
}
