/**
 * GET with a time-out and a size limit on every fetch (feed or telegram): a slow or huge answer
 * is cut off, never buffered whole. Conditional headers make an unchanged feed a cheap 304.
 */
export class FetchLimitError extends Error {}

export interface BoundedResponse {
	status: number;
	body: string;
	etag: string | null;
	lastModified: string | null;
}

export async function boundedGet(
	url: string,
	options: { timeoutMs: number; maxBytes: number; etag?: string | null; lastModified?: string | null }
): Promise<BoundedResponse> {
	const headers: Record<string, string> = { accept: 'application/xml, application/atom+xml' };
	if (options.etag) headers['if-none-match'] = options.etag;
	if (options.lastModified) headers['if-modified-since'] = options.lastModified;
	const signal = AbortSignal.timeout(options.timeoutMs);
	let response: Response;
	try {
		response = await fetch(url, { headers, signal, redirect: 'error' });
	} catch (error) {
		throw new FetchLimitError(`GET ${url}: ${signal.aborted ? 'timed out' : (error as Error).message}`);
	}
	const meta = { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
	if (response.status === 304 || !response.body) {
		await response.body?.cancel();
		return { status: response.status, body: '', ...meta };
	}
	const declared = Number(response.headers.get('content-length') ?? '0');
	if (declared > options.maxBytes) {
		await response.body.cancel();
		throw new FetchLimitError(`GET ${url}: ${declared} bytes is over the ${options.maxBytes} limit`);
	}
	const chunks: Uint8Array[] = [];
	let size = 0;
	const reader = response.body.getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > options.maxBytes) {
				await reader.cancel();
				throw new FetchLimitError(`GET ${url}: body over the ${options.maxBytes} limit`);
			}
			chunks.push(value);
		}
	} catch (error) {
		if (error instanceof FetchLimitError) throw error;
		throw new FetchLimitError(`GET ${url}: ${signal.aborted ? 'timed out' : (error as Error).message}`);
	}
	return { status: response.status, body: Buffer.concat(chunks).toString('utf8'), ...meta };
}
