/**
 * JSON API helpers: every error leaves as `{ "error": { "code", "message" } }` with a 4xx status
 * (DESIGN.md), and every body is parsed and validated before anything touches the database.
 */
import { json } from '@sveltejs/kit';
import type { z } from 'zod';
import { apiErrorFromSql } from './api/db-errors.ts';

export class ApiError extends Error {
	// Plain fields: Node's type stripping (the users CLI) cannot run constructor parameter properties.
	readonly status: number;
	readonly code: string;
	/** Extra response headers, e.g. Retry-After of a 429. */
	readonly headers?: HeadersInit;
	constructor(status: number, code: string, message: string, headers?: HeadersInit) {
		super(message);
		this.name = 'ApiError';
		this.status = status;
		this.code = code;
		this.headers = headers;
	}
}

export function errorResponse(
	status: number,
	code: string,
	message: string,
	headers?: HeadersInit
): Response {
	return json({ error: { code, message } }, { status, headers });
}

/** Upper bound for a JSON body; larger ones are refused before parsing. */
export const maxJsonBytes = 64 * 1024;

/** Reads and validates a JSON body; throws ApiError (400/413/415) with a readable message. */
export async function readJson<Schema extends z.ZodType>(
	request: Request,
	schema: Schema,
	limit = maxJsonBytes
): Promise<z.infer<Schema>> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.toLowerCase().startsWith('application/json')) {
		throw new ApiError(415, 'unsupported_media_type', 'Content-Type must be application/json');
	}
	const declared = Number(request.headers.get('content-length') ?? '0');
	if (declared > limit) throw new ApiError(413, 'payload_too_large', `Body larger than ${limit} bytes`);
	const text = await request.text();
	if (new TextEncoder().encode(text).length > limit) {
		throw new ApiError(413, 'payload_too_large', `Body larger than ${limit} bytes`);
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw new ApiError(400, 'invalid_json', 'Body is not valid JSON');
	}
	const parsed = schema.safeParse(value);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const where = issue?.path.length ? issue.path.join('.') : 'body';
		throw new ApiError(400, 'invalid_body', `${where}: ${issue?.message ?? 'invalid'}`);
	}
	return parsed.data;
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
