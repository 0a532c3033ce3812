/**
 * Pages go out gzip-compressed when the browser accepts it. adapter-node compresses only its static
 * files; the HTML of a page (with its small stylesheets inline) was sent as is, and a resident's
 * first visit downloads about fifty pages (the service worker keeps every shelter's page offline).
 * Behind nginx this is harmless: nginx does not compress a response that already is.
 */
export function compressPage(response: Response, request: Request): Response {
	const type = response.headers.get('content-type') ?? '';
	if (
		!type.startsWith('text/html') ||
		response.status !== 200 ||
		!response.body ||
		response.headers.has('content-encoding') ||
		request.method !== 'GET' ||
		!acceptsGzip(request.headers.get('accept-encoding'))
	) {
		return response;
	}
	const headers = new Headers(response.headers);
	headers.set('content-encoding', 'gzip');
	headers.delete('content-length');
	headers.append('vary', 'Accept-Encoding');
	const body = response.body.pipeThrough(
		new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>
	);
	return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/** gzip listed in Accept-Encoding and not refused with q=0. */
export function acceptsGzip(header: string | null): boolean {
	if (!header) return false;
	return header.split(',').some((part) => {
		const [rawName, ...params] = part.split(';');
		const name = rawName?.trim().toLowerCase();
		if (name !== 'gzip' && name !== '*') return false;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		return !q || Number(q.slice(2)) > 0;
	});
}
