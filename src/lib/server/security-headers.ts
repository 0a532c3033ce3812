/**
 * Security headers for every response. The Content-Security-Policy itself comes from SvelteKit
 * (vite.config.ts `csp`, hash mode: no inline script but Kit's own hashed one); these complete it.
 * Kit's `handle` applies them to what Kit answers; under `npm start` scripts/start.ts also sets
 * them on every response of the HTTP server (static files, issue 18 L7).
 */
import { publicOrigin } from './public-origin.ts';

export const securityHeaders: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	// Geolocation only for our own pages (nearest shelter); nothing else.
	'permissions-policy':
		'geolocation=(self), camera=(), microphone=(), payment=(), usb=(), interest-cohort=()',
	'cross-origin-opener-policy': 'same-origin',
	'x-frame-options': 'DENY'
};

export const hstsHeader = 'max-age=31536000; includeSubDomains';

/**
 * HSTS only means something over TLS (a reverse proxy in production). The public origin decides
 * when it is configured, not the client's headers.
 */
export function wantsHsts(url: URL): boolean {
	return publicOrigin(url).startsWith('https:');
}

export function applySecurityHeaders(original: Response, url: URL): Response {
	let response = original;
	try {
		response.headers.set('x-content-type-options', 'nosniff');
	} catch {
		// A response with immutable headers (e.g. a proxied fetch): copy it once.
		response = new Response(original.body, original);
	}
	for (const [name, value] of Object.entries(securityHeaders)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	if (wantsHsts(url)) response.headers.set('strict-transport-security', hstsHeader);
	return response;
}
