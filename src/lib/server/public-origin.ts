/**
 * The site's public origin (`BOSAI_PUBLIC_ORIGIN`, e.g. `https://bosai.city.komae.example`), for
 * every absolute URL we write (Atom, CAP `sender` and links) and the HSTS decision. adapter-node 6
 * no longer reads `ORIGIN` at run time: without this variable the origin comes from the client's
 * Host header (and `https` unless PROTOCOL_HEADER says otherwise), which a client can spoof.
 * Free of imports: scripts/start.ts loads it unbundled to check the variable at startup.
 */

export const publicOriginVariable = 'BOSAI_PUBLIC_ORIGIN';

/**
 * The configured origin, normalized (`https://example.jp`), or null when the variable is unset or
 * empty. Throws on anything but an http/https origin without path, query, fragment or credentials.
 */
export function configuredPublicOrigin(env: NodeJS.ProcessEnv = process.env): string | null {
	const raw = env[publicOriginVariable]?.trim();
	if (!raw) return null;
	const url = URL.parse(raw);
	const problem = !url
		? 'is not a URL'
		: url.protocol !== 'https:' && url.protocol !== 'http:'
			? 'must start with https:// or http://'
			: url.username || url.password
				? 'must not contain credentials'
				: (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || /[?#]/.test(raw)
					? 'must be an origin only (no path, query or fragment)'
					: null;
	if (problem || !url) throw new Error(`${publicOriginVariable}=${JSON.stringify(raw)} ${problem}`);
	return url.origin;
}

let cached: { raw: string | undefined; origin: string | null } | undefined;

/** True when the operator set the public origin; answers that embed an origin may then be shared. */
export function hasPublicOrigin(): boolean {
	return configured() !== null;
}

/** BOSAI_PUBLIC_ORIGIN when set, else the request's own origin (as adapter-node derived it). */
export function publicOrigin(url: URL): string {
	return configured() ?? url.origin;
}

function configured(): string | null {
	const raw = process.env[publicOriginVariable];
	if (!cached || cached.raw !== raw) cached = { raw, origin: configuredPublicOrigin(process.env) };
	return cached.origin;
}

/**
 * Cache headers of an answer that embeds the origin (Atom, CAP): shared caches may keep it only
 * when the origin is configured; otherwise it was built from the client's Host header, so it is
 * private (a spoofed Host must not poison a shared cache) and varies by Host.
 */
export function originCache(directives: string): Record<string, string> {
	return hasPublicOrigin()
		? { 'cache-control': `public, ${directives}` }
		: { 'cache-control': `private, ${directives}`, vary: 'Host' };
}
