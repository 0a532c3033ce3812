import { getBackend } from '#lib/backend/index.ts';
import { ResidentData } from './data.svelte.ts';

let shared: ResidentData | null = null;

/**
 * One ResidentData per page load, shared by the home, shelter and kiosk screens, so moving between
 * them neither refetches nor opens a second subscription. Browser only.
 */
export function residentData(): ResidentData {
	if (!shared) {
		shared = new ResidentData(getBackend());
		shared.start({ live: false });
		void navigator.storage?.persist?.().catch(() => false);
	}
	return shared;
}
