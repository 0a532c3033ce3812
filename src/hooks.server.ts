import type { Server } from 'node:http';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { building, dev } from '$app/env';
import { isLocale, localeCookie, matchAcceptLanguage } from '#lib/i18n/locales.ts';
import { bearerClaims, tokenRefusal } from '#lib/server/auth/bearer.ts';
import { ensureDemoAccounts } from '#lib/server/auth/demo.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { httpServerEvent, routeLiveToSockets } from '#lib/server/live/node-stream.ts';
import { errorCode, isApiPath, withApiErrorShape } from '#lib/server/api-error-shape.ts';
import { bodyTimeoutMs } from '#lib/server/body.ts';
import { csrfMessage, isCrossSiteFormWrite } from '#lib/server/csrf.ts';
import { ApiError, errorResponse } from '#lib/server/http.ts';
import { configuredPublicOrigin, publicOrigin } from '#lib/server/public-origin.ts';
import { startJma } from '#lib/server/jma/service.ts';
import { routeOneClickUnsubscribe } from '#lib/server/notify/one-click.ts';
import { startDelivery } from '#lib/server/notify/start.ts';
import { isSupabaseAccountPath, supabaseAdminConfig } from '#lib/server/supabase-admin/config.ts';
import { applySecurityHeaders } from '#lib/server/security-headers.ts';
import { compressPage } from '#lib/server/compress-page.ts';

/** Opens the embedded database (shim, migrations, seed) before the first request. */
export const init: ServerInit = async () => {
	// `vite build` runs the server to prerender static files: no database (nor its lock) then.
	if (building) return;
	// A bad BOSAI_PUBLIC_ORIGIN or BOSAI_BODY_TIMEOUT_MS stops the start (also under plain `node build`).
	configuredPublicOrigin();
	bodyTimeoutMs();
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
	// JMA feeds / drop folder: off unless BOSAI_JMA_FEED or BOSAI_JMA_DROP_DIR is set.
	startJma(db);
};

/**
 * Verifies a Bearer token into `locals.claims` (a bad or expired one is a 401 at once, never a
 * silent downgrade to anonymous), then picks the locale (cookie, then Accept-Language) and writes
 * it into `<html lang>`.
 */
export const handle: Handle = async ({ event, resolve }) => {
	// Kit's CSRF rule, here so /api/** gets its refusal in our JSON shape (see csrf.ts); off under
	// `vite dev`, like Kit's own. "Self" is the public origin, as Kit's `paths.origin` would be.
	if (!dev && isCrossSiteFormWrite(event.request, publicOrigin(event.url))) {
		const message = csrfMessage(event.request.method);
		const refusal = isApiPath(event.url.pathname)
			? errorResponse(403, 'cross_site_forbidden', message)
			: new Response(message, { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
		return applySecurityHeaders(refusal, event.url);
	}
	event.locals.claims = null;
	try {
		// Supabase mode: the account routes get a Supabase access token and verify it themselves
		// (supabase-admin/accounts.ts); our own secret would refuse it.
		const supabaseToken = isSupabaseAccountPath(event.url.pathname) && supabaseAdminConfig() !== null;
		if (!building && !supabaseToken) {
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
	const shaped = applySecurityHeaders(await withApiErrorShape(response, event.url.pathname), event.url);
	return dev ? shaped : compressPage(shaped, event.request);
};

/**
 * Errors Kit catches itself (thrown past our handlers, its own 4xx such as adapter-node's
 * BODY_SIZE_LIMIT). Unexpected ones are logged by message only (no request data); the `code`
 * lets `handle` give /api/** callers our `{ error: { code, message } }` shape.
 */
export const handleError: HandleServerError = (caught) => {
	if (caught.kind === 'unknown') {
		const error = caught.error;
		console.error('server error:', error instanceof Error ? error.message : error);
		return { code: errorCode(500) };
	}
	return { code: errorCode(caught.error.status) };
};
