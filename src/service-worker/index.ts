/**
 * The app's own service worker (SvelteKit 3: `$app/manifest`, `$app/env`). Offline after the
 * first visit for every screen: residents (/, /shelters/*, /kiosk, /map), staff (/staff), HQ shell
 * (/hq) and /about.
 * - shell cache, one per version: built JS/CSS, static files (icons, the map's style, glyphs,
 *   sprites and content-hashed PMTiles archives), prerendered files, and the HTML of every page;
 * - data cache, kept across versions: the last public /api/shelters and /api/alerts answers.
 * A new version installs next to the old one and waits, so an open page never loses the chunks
 * it was built with; the page offers "update now", which tells the waiting worker to take over.
 */
import { assets, immutable, prerendered, routes } from '$app/manifest';
import { version } from '$app/env';
import { rangeResponse } from '#lib/resident/range.ts';
import { glyphRangeStart, glyphRangeStarts, precachedGlyphRangeStarts } from '#lib/map/glyph-ranges.ts';
import { ResidentCache } from '#lib/resident/cache.ts';
import {
	isJmaPushPayload,
	isPushPayload,
	jmaNotificationOf,
	mergeAlert,
	notificationOf
} from '#lib/notify/notification.ts';

const sw = self as unknown as ServiceWorkerGlobalScope;
const shellCache = `bosai-shell-${version}`;
const dataCache = 'bosai-data';
/** Public snapshots the resident screens read; cached only when fetched without credentials. */
const dataPaths = new Set(['/api/shelters', '/api/alerts']);
/** How long a navigation waits for the network before the cached page is shown instead. */
const pageTimeoutMs = 4000;

/** Glyph ranges are cached as drawn (glyph-ranges.ts), except Latin-1, which every map needs. */
const files = [...immutable, ...assets, ...prerendered]
	.map((file) => file.path)
	.filter((path) => {
		const start = glyphRangeStart(decodeURI(path.startsWith('/') ? path : `/${path}`));
		return start === null || precachedGlyphRangeStarts.includes(start);
	});
/**
 * Every page route without parameters (/, /about, /hq, /kiosk, /map, /staff …). Printable pages
 * are cached when first opened, not installed with the app: paper is printed while the power is
 * on, and /print/shelters alone (every shelter's QR code) was a fifth of a resident's first visit.
 */
const pages = routes
	.filter((route) => route.page && !route.id.includes('[') && !isPrintPage(route.id as string))
	.map((route) => route.id as string);

function isPrintPage(path: string): boolean {
	return path.startsWith('/print/') || path.startsWith('/hq/print/');
}

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(shellCache);
			await cache.addAll(files);
			// Pages belong to several teams; one failing page must not leave every screen offline-less.
			await Promise.allSettled(pages.map((path) => cache.add(path)));
			await warmShelterPages(cache);
		})()
	);
});

/** Caches the public snapshot and the page of every shelter in it, so each works offline. */
async function warmShelterPages(cache: Cache): Promise<void> {
	try {
		const response = await fetch('/api/shelters');
		if (!response.ok) return;
		await (await caches.open(dataCache)).put('/api/shelters', response.clone());
		const collection = (await response.json()) as { features: { properties: { id: string } }[] };
		await Promise.allSettled(
			collection.features.map((feature) =>
				cache.add(`/shelters/${encodeURIComponent(feature.properties.id)}`)
			)
		);
	} catch {
		// Offline during install: shelter pages are cached as they are visited.
	}
}

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key.startsWith('bosai-shell-') && key !== shellCache) await caches.delete(key);
			}
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

/**
 * An alert pushed while the app is closed (docs/notifications.md): written to the resident's
 * offline cache first, so the page a click opens shows it without network, then shown. Its tag
 * is the alert id: a re-send or the 解除 replaces the notification; an update closes the one of
 * the alert it replaces. A JMA warning (tag jma-<kind>) is only shown, never cached as an alert.
 */
sw.addEventListener('push', (event) => {
	event.waitUntil(
		(async () => {
			let payload: unknown;
			try {
				payload = event.data?.json();
			} catch {
				payload = null;
			}
			if (isJmaPushPayload(payload)) {
				// JMA's warning (気象警報も受け取る): shown as JMA's, kept out of the city's alert cache.
				const shown = jmaNotificationOf(payload);
				await sw.registration.showNotification(shown.title, shown.options);
				return;
			}
			if (!isPushPayload(payload)) return;
			try {
				const cache = new ResidentCache();
				const saved = await cache.loadAlerts();
				await cache.saveAlerts(mergeAlert(saved?.value ?? [], payload, Date.now()));
				await cache.close();
			} catch {
				// A full or blocked IndexedDB must not keep the warning from showing.
			}
			if (payload.replaces) {
				for (const old of await sw.registration.getNotifications({ tag: payload.replaces })) old.close();
			}
			const shown = notificationOf(payload);
			await sw.registration.showNotification(shown.title, shown.options);
		})()
	);
});

sw.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const data = event.notification.data as { url?: unknown } | null;
	const path =
		typeof data?.url === 'string' && data.url.startsWith('/') && !data.url.startsWith('//') ? data.url : '/';
	const target = new URL(path, sw.location.origin).href;
	event.waitUntil(
		(async () => {
			const open = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
			const client = open.find((c) => new URL(c.url).origin === sw.location.origin);
			if (client) {
				await client.focus();
				await client.navigate(target).catch(() => undefined);
				return;
			}
			await sw.clients.openWindow(target);
		})()
	);
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;

	const glyphStart = glyphRangeStart(url.pathname);
	if (url.pathname.endsWith('.pmtiles')) {
		event.respondWith(archive(request));
	} else if (glyphStart !== null) {
		event.respondWith(glyphs(request, glyphStart));
	} else if (dataPaths.has(url.pathname)) {
		event.respondWith(snapshot(request, url));
	} else if (url.pathname.startsWith('/api/')) {
		// Live streams, reports, auth: always the network (the staff outbox handles offline).
		return;
	} else if (request.mode === 'navigate') {
		event.respondWith(page(request, url));
	} else {
		event.respondWith(staticFile(request));
	}
});

/** PMTiles: the URL carries a content hash, so the cached whole archive is always right. */
async function archive(request: Request): Promise<Response> {
	const cache = await caches.open(shellCache);
	const key = new URL(request.url).pathname;
	let full = await cache.match(key);
	if (!full) {
		const fetched = await fetch(key);
		if (!fetched.ok) return fetched;
		await cache.put(key, fetched.clone());
		full = fetched;
	}
	return rangeResponse(full, request.headers.get('range'));
}

/**
 * Glyph ranges: an empty range (most of them: Japanese uses the device's font) is answered here;
 * a Latin range from the cache, else fetched and kept. Offline and never fetched: an empty range,
 * so the map still draws and only those few characters are missing from labels.
 */
async function glyphs(request: Request, start: number): Promise<Response> {
	const empty = () =>
		new Response(new Uint8Array(0), { headers: { 'content-type': 'application/x-protobuf' } });
	if (!glyphRangeStarts.includes(start)) return empty();
	try {
		return await staticFile(request);
	} catch {
		return empty();
	}
}

/**
 * Public snapshots: network first (the page does its own ETag revalidation), else the last copy.
 * Alerts always revalidate past the browser's HTTP cache (max-age=10): a resident who opens `/` from
 * a notification must get the alert just issued, not a list fetched seconds before it.
 */
async function snapshot(request: Request, url: URL): Promise<Response> {
	try {
		const fresh = url.pathname === '/api/alerts' ? new Request(request, { cache: 'no-cache' }) : request;
		const response = await fetch(fresh);
		if (response.status === 200 && !request.headers.has('authorization')) {
			await (await caches.open(dataCache)).put(url.pathname, response.clone());
		}
		return response;
	} catch (error) {
		const cached = await (await caches.open(dataCache)).match(url.pathname);
		if (cached) return cached;
		throw error;
	}
}

/**
 * Pages: network first so the HTML is current; offline, or when a bad network has not answered in
 * a few seconds, the cached page (query ignored: /kiosk?lon=… uses the /kiosk shell).
 */
async function page(request: Request, url: URL): Promise<Response> {
	const cache = await caches.open(shellCache);
	const network = fetch(request).then(async (response) => {
		if (response.status === 200) await cache.put(url.pathname, response.clone());
		return response;
	});
	const cached = await cache.match(url.pathname);
	if (!cached) return network;
	const slow = new Promise<null>((done) => setTimeout(() => done(null), pageTimeoutMs));
	return (await Promise.race([network.catch(() => null), slow])) ?? cached;
}

/** Built and static files: cache first (names are versioned); anything else cached as seen. */
async function staticFile(request: Request): Promise<Response> {
	const cache = await caches.open(shellCache);
	const cached = await cache.match(request, { ignoreSearch: true });
	if (cached) return cached;
	const response = await fetch(request);
	if (response.status === 200) await cache.put(request, response.clone());
	return response;
}
