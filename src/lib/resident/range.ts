/**
 * HTTP Range answers from a whole cached body. Browsers do not store 206 responses in the Cache
 * API, so the service worker keeps each PMTiles archive as one cached 200 and slices it for the
 * range reads of the pmtiles library (DESIGN.md "Offline").
 */
export type ByteRange = { start: number; end: number } | 'unsatisfiable' | null;

/** Parses a single-range `bytes=` header against a body of `size` bytes (end inclusive). */
export function parseRange(header: string | null, size: number): ByteRange {
	if (!header) return null;
	const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!match || (match[1] === '' && match[2] === '')) return null; // multi-range or junk: send it all
	let start: number;
	let end: number;
	if (match[1] === '') {
		// Suffix range: the last N bytes.
		const length = Number(match[2]);
		if (length === 0) return 'unsatisfiable';
		start = Math.max(0, size - length);
		end = size - 1;
	} else {
		start = Number(match[1]);
		end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
	}
	if (start >= size || start > end) return 'unsatisfiable';
	return { start, end };
}

/** The response to a (possibly ranged) request, built from the full cached response. */
export async function rangeResponse(full: Response, rangeHeader: string | null): Promise<Response> {
	const body = await full.arrayBuffer();
	const headers = new Headers(full.headers);
	headers.set('accept-ranges', 'bytes');
	const range = parseRange(rangeHeader, body.byteLength);
	if (range === null) {
		headers.set('content-length', String(body.byteLength));
		return new Response(body, { status: 200, headers });
	}
	if (range === 'unsatisfiable') {
		return new Response(null, { status: 416, headers: { 'content-range': `bytes */${body.byteLength}` } });
	}
	headers.set('content-range', `bytes ${range.start}-${range.end}/${body.byteLength}`);
	headers.set('content-length', String(range.end - range.start + 1));
	return new Response(body.slice(range.start, range.end + 1), { status: 206, headers });
}
