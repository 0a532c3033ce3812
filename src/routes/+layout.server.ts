import { publicOrigin } from '#lib/server/public-origin.ts';
import type { LayoutServerLoad } from './$types';

/**
 * The locale, and the site's public origin for absolute URLs drawn in pages (a shelter's share link
 * and QR code). Untracked: the origin does not change between pages, so client navigation never
 * refetches this (and offline navigation keeps working).
 */
export const load: LayoutServerLoad = ({ locals, url, untrack }) => ({
	locale: locals.locale,
	origin: untrack(() => publicOrigin(url))
});
