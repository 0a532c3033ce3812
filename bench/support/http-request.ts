/**
 * The benchmarks' HTTP client: one request over a shared agent, JSON body in, status and text
 * out, optional Bearer token, extra headers (e.g. X-Forwarded-For of bench/abuse.ts) and timeout.
 */
import http from 'node:http';

export type BenchRequest = (
	method: string,
	path: string,
	body?: unknown,
	token?: string
) => Promise<{ status: number; text: string }>;

/** `timeoutMs`: a request without an answer by then fails (a bench must stay bounded in time). */
export function benchRequester(
	baseUrl: string,
	agent: http.Agent,
	extraHeaders: Record<string, string> = {},
	timeoutMs = 0
): BenchRequest {
	return (method, path, body, token) =>
		new Promise((done, fail) => {
			const payload = body === undefined ? undefined : JSON.stringify(body);
			const req = http.request(
				`${baseUrl}${path}`,
				{
					method,
					agent,
					headers: {
						...extraHeaders,
						...(payload
							? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
							: {}),
						...(token ? { authorization: `Bearer ${token}` } : {})
					}
				},
				(res) => {
					let text = '';
					res.setEncoding('utf8');
					res.on('data', (chunk) => (text += chunk));
					res.on('end', () => done({ status: res.statusCode ?? 0, text }));
				}
			);
			req.on('error', fail);
			// A hard timer, not req.setTimeout (which only watches an idle socket once assigned).
			if (timeoutMs > 0) {
				const timer = setTimeout(() => req.destroy(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
				req.on('close', () => clearTimeout(timer));
			}
			req.end(payload);
		});
}
