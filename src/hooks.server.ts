import type { Handle } from '@sveltejs/kit/hooks';
import { isLocale, localeCookie, matchAcceptLanguage } from '#lib/i18n/locales.ts';

/** Picks the locale (cookie, then Accept-Language) and writes it into `<html lang>`. */
export const handle: Handle = async ({ event, resolve }) => {
	const fromCookie = event.cookies.get(localeCookie);
	event.locals.claims = null; // set from the Bearer token once auth lands (issue 4)
	event.locals.locale = isLocale(fromCookie)
		? fromCookie
		: matchAcceptLanguage(event.request.headers.get('accept-language'));
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
};
