import { loadMapPreviewInfo } from '#lib/server/map/preview-info.ts';
import { publicOrigin } from '#lib/server/public-origin.ts';
import type { LayoutServerLoad } from './$types';

/**
 * The locale, the site's public origin for absolute URLs drawn in pages (a shelter's share link
 * and QR code), and the light map preview of the resident home (so its first HTML draws it).
 * Untracked: none of these change between pages, so client navigation never refetches this (and
 * offline navigation keeps working).
 */
export const load: LayoutServerLoad = ({ locals, url, untrack }) => ({
	locale: locals.locale,
	origin: untrack(() => publicOrigin(url)),
	mapPreview: loadMapPreviewInfo()
});
