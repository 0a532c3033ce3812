/**
 * Security headers for every response. The Content-Security-Policy itself comes from SvelteKit
 * (vite.config.ts `csp`, hash mode: no inline script but Kit's own hashed one); these complete it.
 */
const always: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	// Geolocation only for our own pages (nearest shelter); nothing else.
	'permissions-policy':
		'geolocation=(self), camera=(), microphone=(), payment=(), usb=(), interest-cohort=()',
	'cross-origin-opener-policy': 'same-origin',
	'x-frame-options': 'DENY'
};

export function applySecurityHeaders(original: Response, url: URL): Response {
	let response = original;
	try {
		response.headers.set('x-content-type-options', 'nosniff');
	} catch {
		// A response with immutable headers (e.g. a proxied fetch): copy it once.
		response = new Response(original.body, original);
	}
	for (const [name, value] of Object.entries(always)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	// HSTS only means something over TLS (a reverse proxy in production).
	if (url.protocol === 'https:') {
		response.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	}
	return response;
}
