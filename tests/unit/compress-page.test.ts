/** Pages are sent gzip-compressed to browsers that accept it; nothing else is touched. */
import { describe, expect, it } from 'vitest';
import { acceptsGzip, compressPage } from '#lib/server/compress-page.ts';

const html = '<!doctype html><html><body>' + '避難所 '.repeat(2000) + '</body></html>';
const page = (type = 'text/html; charset=utf-8', status = 200) =>
	new Response(html, { status, headers: { 'content-type': type, 'content-length': '99' } });
const get = (encoding: string | null) =>
	new Request('http://x/', { headers: encoding === null ? {} : { 'accept-encoding': encoding } });

describe('compressPage', () => {
	it('gzips a page for a browser that accepts gzip, and it decodes to the same HTML', async () => {
		const compressed = compressPage(page(), get('gzip, deflate, br'));
		expect(compressed.headers.get('content-encoding')).toBe('gzip');
		expect(compressed.headers.get('content-length')).toBeNull();
		expect(compressed.headers.get('vary')).toContain('Accept-Encoding');
		const bytes = new Uint8Array(await compressed.arrayBuffer());
		expect(bytes.length).toBeLessThan(new TextEncoder().encode(html).length / 5);
		const decoded = await new Response(
			new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))
		).text();
		expect(decoded).toBe(html);
	});

	it('leaves alone what is not a 200 HTML page for a gzip-accepting GET', async () => {
		for (const [response, request] of [
			[page(), get(null)],
			[page(), get('br')],
			[page(), get('gzip;q=0, br')],
			[page('application/json'), get('gzip')],
			[page('text/event-stream'), get('gzip')],
			[page('text/html', 404), get('gzip')],
			[
				page(),
				new Request('http://x/', { method: 'POST', body: 'x', headers: { 'accept-encoding': 'gzip' } })
			]
		] as const) {
			const out = compressPage(response, request);
			expect(out).toBe(response);
			expect(out.headers.get('content-encoding')).toBeNull();
		}
	});

	it('reads Accept-Encoding as browsers send it', () => {
		expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
		expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
		expect(acceptsGzip('*')).toBe(true);
		expect(acceptsGzip('identity')).toBe(false);
		expect(acceptsGzip('gzip;q=0')).toBe(false);
		expect(acceptsGzip(null)).toBe(false);
	});
});
