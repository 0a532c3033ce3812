/**
 * The pieces of issue 18's fixes that need no server: the public-origin variable, the body reader
 * (limit, deadline) and the rewrite of Kit's own /api errors. The e2e side is
 * tests/e2e/api-hardening.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { withApiErrorShape } from '#lib/server/api-error-shape.ts';
import { ApiError } from '#lib/server/api-error.ts';
import { bodyTimeoutMs, readBody } from '#lib/server/body.ts';
import { isCrossSiteFormWrite } from '#lib/server/csrf.ts';
import { configuredPublicOrigin, originCache, publicOrigin } from '#lib/server/public-origin.ts';

const saved = process.env.BOSAI_PUBLIC_ORIGIN;
afterEach(() => {
	if (saved === undefined) delete process.env.BOSAI_PUBLIC_ORIGIN;
	else process.env.BOSAI_PUBLIC_ORIGIN = saved;
});

describe('BOSAI_PUBLIC_ORIGIN', () => {
	it('accepts a bare http or https origin and normalizes it', () => {
		expect(configuredPublicOrigin({ BOSAI_PUBLIC_ORIGIN: 'https://Bosai.Example.jp/' })).toBe(
			'https://bosai.example.jp'
		);
		expect(configuredPublicOrigin({ BOSAI_PUBLIC_ORIGIN: 'http://127.0.0.1:8080' })).toBe(
			'http://127.0.0.1:8080'
		);
		expect(configuredPublicOrigin({ BOSAI_PUBLIC_ORIGIN: '' })).toBeNull();
		expect(configuredPublicOrigin({})).toBeNull();
	});

	it.each([
		'bosai.example.jp',
		'ftp://bosai.example.jp',
		'https://bosai.example.jp/map',
		'https://bosai.example.jp/?a=1',
		'https://bosai.example.jp/#top',
		'https://user:pw@bosai.example.jp'
	])('refuses %s', (value) => {
		expect(() => configuredPublicOrigin({ BOSAI_PUBLIC_ORIGIN: value })).toThrow(/BOSAI_PUBLIC_ORIGIN/);
	});

	it("wins over the request's origin when set, and makes origin-bearing answers shareable", () => {
		const request = new URL('https://evil.example/api/alerts.atom');
		delete process.env.BOSAI_PUBLIC_ORIGIN;
		expect(publicOrigin(request)).toBe('https://evil.example');
		expect(originCache('max-age=10')).toEqual({ 'cache-control': 'private, max-age=10', vary: 'Host' });
		process.env.BOSAI_PUBLIC_ORIGIN = 'https://bosai.example.jp';
		expect(publicOrigin(request)).toBe('https://bosai.example.jp');
		expect(originCache('max-age=10')).toEqual({ 'cache-control': 'public, max-age=10' });
	});
});

function streamingRequest(chunks: Uint8Array[], end: boolean): Request {
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			for (const chunk of chunks) controller.enqueue(chunk);
			if (end) controller.close();
		}
	});
	return new Request('http://localhost/api/x', { method: 'POST', body, duplex: 'half' } as RequestInit);
}

async function thrown(promise: Promise<unknown>): Promise<ApiError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(ApiError);
	return error as ApiError;
}

describe('readBody', () => {
	it('returns the whole body within the limit', async () => {
		const bytes = await readBody(streamingRequest([new Uint8Array([1, 2]), new Uint8Array([3])], true), 3);
		expect([...bytes]).toEqual([1, 2, 3]);
	});

	it('refuses a body that grows past the limit with a 413, and a declared one before reading', async () => {
		const grown = await thrown(readBody(streamingRequest([new Uint8Array(3), new Uint8Array(3)], true), 4));
		expect([grown.status, grown.code]).toEqual([413, 'payload_too_large']);
		const declared = new Request('http://localhost/', {
			method: 'POST',
			body: 'x'.repeat(10),
			headers: { 'content-length': '10' }
		});
		expect((await thrown(readBody(declared, 4))).status).toBe(413);
	});

	it('gives up on a body that stops arriving with a 408 that closes the connection', async () => {
		const started = Date.now();
		const error = await thrown(readBody(streamingRequest([new Uint8Array(2)], false), 100, 150));
		expect([error.status, error.code]).toEqual([408, 'request_timeout']);
		expect(new Headers(error.headers).get('connection')).toBe('close');
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	});

	it('takes its deadline from BOSAI_BODY_TIMEOUT_MS and refuses nonsense', () => {
		expect(bodyTimeoutMs({})).toBe(30_000);
		expect(bodyTimeoutMs({ BOSAI_BODY_TIMEOUT_MS: '1500' })).toBe(1500);
		for (const bad of ['10', '1.5', 'abc', '9999999']) {
			expect(() => bodyTimeoutMs({ BOSAI_BODY_TIMEOUT_MS: bad })).toThrow(/BOSAI_BODY_TIMEOUT_MS/);
		}
	});
});

describe("Kit's own answers on /api/**", () => {
	const body = async (response: Response) => (await response.json()) as unknown;

	it('become { error: { code, message } }, keeping status and Allow', async () => {
		const html = new Response('<html>404</html>', { status: 404, headers: { 'content-type': 'text/html' } });
		const fixedHtml = await withApiErrorShape(html, '/api/nope');
		expect(fixedHtml.status).toBe(404);
		expect(await body(fixedHtml)).toEqual({ error: { code: 'not_found', message: 'No such API endpoint' } });

		const text = new Response('PUT method not allowed', { status: 405, headers: { allow: 'GET, POST' } });
		const fixedText = await withApiErrorShape(text, '/api/drill');
		expect(fixedText.headers.get('allow')).toBe('GET, POST');
		expect(await body(fixedText)).toEqual({
			error: { code: 'method_not_allowed', message: 'PUT method not allowed' }
		});

		const kitJson = Response.json({ status: 413, message: 'Payload Too Large' }, { status: 413 });
		expect(await body(await withApiErrorShape(kitJson, '/api/import/shelters'))).toEqual({
			error: { code: 'payload_too_large', message: 'Payload Too Large' }
		});
	});

	it('are left alone when already in our shape, outside /api, or not errors', async () => {
		const ours = Response.json({ error: { code: 'forbidden', message: 'no' } }, { status: 403 });
		expect(await withApiErrorShape(ours, '/api/audit')).toBe(ours);
		const page = new Response('<html></html>', { status: 404, headers: { 'content-type': 'text/html' } });
		expect(await withApiErrorShape(page, '/no-such-page')).toBe(page);
		const ok = Response.json([]);
		expect(await withApiErrorShape(ok, '/api/alerts')).toBe(ok);
	});
});

describe("the CSRF rule (Kit 3's, applied in our handle)", () => {
	const self = 'https://bosai.example.jp';
	const write = (method: string, headers: Record<string, string>) =>
		new Request(`${self}/api/auth/token`, { method, headers });

	it('refuses a form-type or untyped write from another origin or none', () => {
		for (const type of [
			'application/x-www-form-urlencoded',
			'multipart/form-data; boundary=x',
			'TEXT/PLAIN'
		]) {
			expect(isCrossSiteFormWrite(write('POST', { 'content-type': type }), self), type).toBe(true);
			expect(
				isCrossSiteFormWrite(write('POST', { 'content-type': type, origin: 'https://evil.example' }), self)
			).toBe(true);
		}
		expect(isCrossSiteFormWrite(write('DELETE', {}), self)).toBe(true);
	});

	it('lets same-origin forms, JSON writes and reads through', () => {
		expect(isCrossSiteFormWrite(write('POST', { 'content-type': 'text/plain', origin: self }), self)).toBe(
			false
		);
		expect(isCrossSiteFormWrite(write('POST', { 'content-type': 'application/json' }), self)).toBe(false);
		expect(isCrossSiteFormWrite(write('GET', {}), self)).toBe(false);
	});
});
