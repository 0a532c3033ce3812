/**
 * The client address of a request on the direct live path, as adapter-node's
 * `getClientAddress()` reads it for the Kit routes: ADDRESS_HEADER (behind a reverse proxy), with
 * XFF_DEPTH for x-forwarded-for, else the socket's peer. Where adapter-node would throw (header
 * absent, too few addresses) this counts the stream as the socket's peer (the proxy): stricter,
 * never a crash.
 */
import type { IncomingMessage } from 'node:http';

export function clientAddress(req: IncomingMessage, env: NodeJS.ProcessEnv = process.env): string {
	const peer = req.socket?.remoteAddress ?? 'unknown';
	const name = (env.ADDRESS_HEADER ?? '').toLowerCase();
	const raw = name ? req.headers[name] : undefined;
	const value = Array.isArray(raw) ? raw[0] : raw;
	if (!value) return peer;
	if (name !== 'x-forwarded-for') return value.trim();
	const depth = Number.parseInt(env.XFF_DEPTH ?? '1', 10);
	const addresses = value.split(',');
	if (!(depth >= 1) || depth > addresses.length) return peer;
	return addresses[addresses.length - depth].trim();
}
