/**
 * JSON API helpers: every error leaves as `{ "error": { "code", "message" } }` with a 4xx status
 * (DESIGN.md), and every body is parsed and validated before anything touches the database.
 */
import { json } from '@sveltejs/kit';
import { ApiError } from './api-error.ts';
import { apiErrorFromSql } from './api/db-errors.ts';

export { ApiError } from './api-error.ts';
// Bodies: size limits, read deadline, validation (body.ts); re-exported for the routes.
export { bodyLimits, discardBody, maxJsonBytes, readCsv, readJson } from './body.ts';

/** An error answer; never stored by any cache (it may depend on the caller). */
export function errorResponse(
	status: number,
	code: string,
	message: string,
	headers?: HeadersInit
): Response {
	const response = json({ error: { code, message } }, { status, headers });
	if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'no-store');
	return response;
}

/**
 * Wraps a handler so an ApiError — or a SQL error that is the caller's fault (RLS refusal, check
 * constraint, unknown key) — becomes its JSON response.
 */
export function handleApi<Event>(handler: (event: Event) => Promise<Response>) {
	return async (event: Event): Promise<Response> => {
		try {
			return await handler(event);
		} catch (error) {
			const response = apiErrorResponse(error);
			if (response) return response;
			throw error;
		}
	};
}

/** The JSON response for an error that is the caller's fault; null for anything else (a 500). */
export function apiErrorResponse(error: unknown): Response | null {
	const apiError = error instanceof ApiError ? error : apiErrorFromSql(error);
	if (!apiError) return null;
	return errorResponse(apiError.status, apiError.code, apiError.message, apiError.headers);
}

/**
 * Cache headers of an answer that depends on the caller (issue 18 L8): a signed-in answer is
 * never stored, not even by the browser of a shared shelter terminal; an anonymous one may be
 * shared (`anonymous`), and `Vary: Authorization` keeps a shared cache from handing it to — or
 * taking it from — a signed-in caller.
 */
export function callerCache(claims: unknown, anonymous: string): Record<string, string> {
	return { vary: 'Authorization', 'cache-control': claims ? 'private, no-store' : anonymous };
}
