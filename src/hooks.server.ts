import type { Server } from 'node:http';
import type { Handle, ServerInit } from '@sveltejs/kit/hooks';
import { building, dev } from '$app/env';
import { isLocale, localeCookie, matchAcceptLanguage } from '#lib/i18n/locales.ts';
import { bearerClaims, tokenRefusal } from '#lib/server/auth/bearer.ts';
import { ensureDemoAccounts } from '#lib/server/auth/demo.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { httpServerEvent, routeLiveToSockets } from '#lib/server/live/node-stream.ts';
import { ApiError } from '#lib/server/http.ts';
import { routeOneClickUnsubscribe } from '#lib/server/notify/one-click.ts';
import { startDelivery } from '#lib/server/notify/start.ts';
import { applySecurityHeaders } from '#lib/server/security-headers.ts';

/** Opens the embedded database (shim, migrations, seed) before the first request. */
export const init: ServerInit = async () => {
	// `vite build` runs the server to prerender static files: no database (nor its lock) then.
	if (building) return;
	const { db, dataDir } = await runtime();
	// Demo accounts only under `vite dev`; a production start never creates any.
	if (dev) await ensureDemoAccounts(db, dataDir);
	// `npm start` (scripts/start.ts) hands us its HTTP server: live streams then skip Kit's
	// response streaming and write straight to their sockets (see live/node-stream.ts), and RFC 8058
	// one-click unsubscribe posts are answered before Kit's CSRF guard (notify/one-click.ts).
	else
		process.once(httpServerEvent, (server: Server) => {
			routeLiveToSockets(server);
			routeOneClickUnsubscribe(server, async () => (await runtime()).db);
		});
	// Alert notifications: the delivery worker drains the outbox (docs/notifications.md).
	startDelivery(db, dataDir);
};

/**
 * Verifies a Bearer token into `locals.claims` (a bad or expired one is a 401 at once, never a
 * silent downgrade to anonymous), then picks the locale (cookie, then Accept-Language) and writes
 * it into `<html lang>`.
 */
export const handle: Handle = async ({ event, resolve }) => {
	event.locals.claims = null;
	try {
		if (!building) {
			const { secret } = await runtime();
			event.locals.claims = await bearerClaims(event.request.headers.get('authorization'), secret);
		}
	} catch (error) {
		if (!(error instanceof ApiError)) throw error;
		return applySecurityHeaders(tokenRefusal(error), event.url);
	}
	const fromCookie = event.cookies.get(localeCookie);
	event.locals.locale = isLocale(fromCookie)
		? fromCookie
		: matchAcceptLanguage(event.request.headers.get('accept-language'));
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
	return applySecurityHeaders(response, event.url);
};
