import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseRange, rangeResponse } from '#lib/resident/range.ts';

describe('parseRange', () => {
	it('reads the forms the pmtiles reader sends and rejects what cannot be served', () => {
		expect(parseRange(null, 100)).toBeNull();
		expect(parseRange('bytes=0-16383', 100)).toEqual({ start: 0, end: 99 });
		expect(parseRange('bytes=10-19', 100)).toEqual({ start: 10, end: 19 });
		expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
		expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
		expect(parseRange('bytes=100-200', 100)).toBe('unsatisfiable');
		expect(parseRange('bytes=20-10', 100)).toBe('unsatisfiable');
		expect(parseRange('bytes=-0', 100)).toBe('unsatisfiable');
		expect(parseRange('bytes=0-1,5-6', 100)).toBeNull();
		expect(parseRange('items=0-1', 100)).toBeNull();
	});
});

describe('rangeResponse', () => {
	const body = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
	const full = () =>
		new Response(body, {
			status: 200,
			headers: { etag: '"abc"', 'content-type': 'application/octet-stream' }
		});

	it('answers 206 with exactly the requested bytes, Content-Range and the ETag kept', async () => {
		const response = await rangeResponse(full(), 'bytes=127-383');
		expect(response.status).toBe(206);
		expect(response.headers.get('content-range')).toBe('bytes 127-383/1000');
		expect(response.headers.get('content-length')).toBe('257');
		expect(response.headers.get('etag')).toBe('"abc"');
		expect(new Uint8Array(await response.arrayBuffer())).toEqual(body.slice(127, 384));
	});

	it('answers 200 with everything without a Range header, 416 outside the body', async () => {
		const whole = await rangeResponse(full(), null);
		expect(whole.status).toBe(200);
		expect((await whole.arrayBuffer()).byteLength).toBe(1000);
		const beyond = await rangeResponse(full(), 'bytes=5000-');
		expect(beyond.status).toBe(416);
		expect(beyond.headers.get('content-range')).toBe('bytes */1000');
	});

	it('any valid range returns the same bytes as slicing (property test)', async () => {
		await fc.assert(
			fc.asyncProperty(fc.nat(999), fc.nat(1200), async (start, length) => {
				const end = start + length;
				const response = await rangeResponse(full(), `bytes=${start}-${end}`);
				expect(response.status).toBe(206);
				expect(new Uint8Array(await response.arrayBuffer())).toEqual(
					body.slice(start, Math.min(end, 999) + 1)
				);
			}),
			{ numRuns: 100 }
		);
	});
});
