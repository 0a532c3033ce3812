import { loadAreasFor } from '#lib/i18n/areas.ts';
import type { LayoutLoad } from './$types';

/** Before a screen renders, its message areas beyond the core ones (staff, HQ) are loaded. */
export const load: LayoutLoad = async ({ data, url }) => {
	await loadAreasFor(url.pathname);
	return data;
};
