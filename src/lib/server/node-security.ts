/**
 * Security headers on every response of the HTTP server under `npm start` (issue 18 L7):
 * adapter-node serves static files — prerendered JSON, the web manifest, the service worker,
 * `_app/immutable` — before Kit's `handle` runs, so `applySecurityHeaders` never sees them.
 * Set on the Node response first, they are kept by every later `writeHead` (adapter-node's static
 * handler, Kit, the live stream), which only adds or overrides its own headers (Cache-Control
 * stays immutable). Loaded unbundled by scripts/start.ts.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { configuredPublicOrigin } from './public-origin.ts';
import { hstsHeader, securityHeaders } from './security-headers.ts';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

export function secureEveryResponse(server: Server, env: NodeJS.ProcessEnv = process.env): void {
	const headers = Object.entries(securityHeaders);
	// Without a configured https origin, HSTS stays with Kit's per-request decision.
	if (configuredPublicOrigin(env)?.startsWith('https:'))
		headers.push(['strict-transport-security', hstsHeader]);
	const downstream = server.listeners('request') as RequestListener[];
	server.removeAllListeners('request');
	server.on('request', (req: IncomingMessage, res: ServerResponse) => {
		for (const [name, value] of headers) res.setHeader(name, value);
		for (const listener of downstream) listener.call(server, req, res);
	});
}
