/**
 * Kit answers some /api/** requests itself — an unknown path (its HTML 404 page), a method the
 * route lacks (text 405), an error thrown past our handlers (`{ message }` or HTML by Accept),
 * adapter-node's BODY_SIZE_LIMIT (413). The API promises `{ "error": { "code", "message" } }`
 * for every error (issue 18 L6): `handle` passes every /api/** answer through here.
 */
import { errorResponse } from './http.ts';

const codes: Record<number, string> = {
	400: 'bad_request',
	401: 'unauthorized',
	403: 'forbidden',
	404: 'not_found',
	405: 'method_not_allowed',
	408: 'request_timeout',
	413: 'payload_too_large',
	415: 'unsupported_media_type',
	429: 'too_many_requests'
};

/** Our error code for an HTTP status (Kit's errors have none). */
export function errorCode(status: number): string {
	return codes[status] ?? (status >= 500 ? 'internal' : 'error');
}

/** For Kit's HTML error pages, whose text is not worth parsing. */
const fallbackMessages: Record<number, string> = {
	404: 'No such API endpoint',
	500: 'Internal error'
};

/** Headers of Kit's answer that still mean something on the JSON one. */
const kept = ['allow', 'retry-after', 'www-authenticate', 'connection'];

export function isApiPath(pathname: string): boolean {
	return pathname === '/api' || pathname.startsWith('/api/');
}

export async function withApiErrorShape(response: Response, pathname: string): Promise<Response> {
	if (response.status < 400 || !isApiPath(pathname)) return response;
	const type = response.headers.get('content-type') ?? '';
	let message = '';
	if (type.includes('json')) {
		const body: unknown = await response
			.clone()
			.json()
			.catch(() => null);
		const error = (body as { error?: { code?: unknown } } | null)?.error;
		if (typeof error?.code === 'string') return response;
		const text = (body as { message?: unknown } | null)?.message;
		if (typeof text === 'string') message = text;
	} else if (!type.startsWith('text/html')) {
		// Kit's own short text answers ("PUT method not allowed", "Not found").
		message = (await response.clone().text()).slice(0, 200).trim();
	}
	await response.body?.cancel();
	const headers = new Headers();
	for (const name of kept) {
		const value = response.headers.get(name);
		if (value !== null) headers.set(name, value);
	}
	return errorResponse(
		response.status,
		errorCode(response.status),
		message || fallbackMessages[response.status] || `HTTP ${response.status}`,
		headers
	);
}
