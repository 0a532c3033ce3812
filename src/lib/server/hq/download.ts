/** A file answer for the HQ exports: dated file name, never cached (it holds non-public data). */
export function download(body: string | ReadableStream<Uint8Array>, type: string, name: string): Response {
	const extension = type === 'text/csv' ? 'csv' : 'geojson';
	const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
	return new Response(body, {
		headers: {
			'content-type': `${type}; charset=utf-8`,
			'content-disposition': `attachment; filename="komae-${name}-${stamp}.${extension}"`,
			'cache-control': 'private, no-store'
		}
	});
}
