/**
 * Request bodies, read whole and validated before any database transaction opens (issue 18 M5:
 * PGlite runs one transaction at a time, so a body read inside one let a slow client hold every
 * other caller). Each route names its size limit; every read has a deadline (→ 408).
 */
import type { z } from 'zod';
import { ApiError } from './api-error.ts';

/** Per-route upper bounds, in bytes. */
export const bodyLimits = {
	/** Reports, alerts, messages, shelter master data. */
	json: 64 * 1024,
	/** Sign-in. */
	small: 4 * 1024,
	/** Switches, and POST/DELETE routes that take no body (`{}` at most). */
	tiny: 1024,
	/** The HQ shelter CSV import: a city's file is tens of kB; 5 MB leaves room for a prefecture. */
	csv: 5 * 1024 * 1024
} as const;

/** Kept for callers of the old name in http.ts. */
export const maxJsonBytes = bodyLimits.json;

export const bodyTimeoutVariable = 'BOSAI_BODY_TIMEOUT_MS';
const defaultBodyTimeoutMs = 30_000;

/**
 * How long a client may take to send a whole body: BOSAI_BODY_TIMEOUT_MS (100 ms – 10 min),
 * default 30 s (a 5 MB import at 1.4 Mbit/s). Throws on a bad value (checked at startup too).
 */
export function bodyTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
	const raw = env[bodyTimeoutVariable]?.trim();
	if (!raw) return defaultBodyTimeoutMs;
	const value = Number(raw);
	if (!/^\d+$/.test(raw) || value < 100 || value > 600_000) {
		throw new Error(`${bodyTimeoutVariable}=${JSON.stringify(raw)} must be a whole number of ms, 100–600000`);
	}
	return value;
}

function tooLarge(limit: number): ApiError {
	return new ApiError(413, 'payload_too_large', `Body larger than ${limit} bytes`);
}

/** adapter-node's own BODY_SIZE_LIMIT refusal (a SvelteKitError) while our reader pulls the stream. */
function isKitTooLarge(error: unknown): boolean {
	return typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 413;
}

/**
 * The whole body as bytes, at most `limit` of them, within the deadline. A declared
 * Content-Length above the limit is refused before reading. A body that grows past the limit is
 * drained (until its end or the deadline) before the 413, so the client can read the answer
 * instead of a reset; a body that does not arrive in time is a 408 that closes the connection.
 */
export async function readBody(
	request: Request,
	limit: number,
	timeoutMs: number = bodyTimeoutMs()
): Promise<Uint8Array> {
	const declared = Number(request.headers.get('content-length') ?? '0');
	if (declared > limit) throw tooLarge(limit);
	if (!request.body) return new Uint8Array(0);
	const reader = request.body.getReader();
	let timer: ReturnType<typeof setTimeout> | undefined;
	const deadline = new Promise<never>((_, reject) => {
		timer = setTimeout(
			() =>
				reject(
					new ApiError(408, 'request_timeout', `The body did not arrive within ${timeoutMs} ms`, {
						connection: 'close'
					})
				),
			timeoutMs
		);
	});
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		for (;;) {
			const { done, value } = await Promise.race([reader.read(), deadline]);
			if (done) break;
			size += value.byteLength;
			if (size <= limit) chunks.push(value);
		}
	} catch (error) {
		if (size > limit || isKitTooLarge(error)) throw tooLarge(limit);
		throw error;
	} finally {
		clearTimeout(timer);
		reader.releaseLock();
	}
	if (size > limit) throw tooLarge(limit);
	const bytes = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return bytes;
}

function contentType(request: Request): string {
	return (request.headers.get('content-type') ?? '').toLowerCase();
}

function utf8(bytes: Uint8Array, message: string): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new ApiError(400, 'invalid_encoding', message);
	}
}

/** Reads and validates a JSON body; throws ApiError (400/408/413/415) with a readable message. */
export async function readJson<Schema extends z.ZodType>(
	request: Request,
	schema: Schema,
	limit: number = bodyLimits.json
): Promise<z.infer<Schema>> {
	if (!contentType(request).startsWith('application/json')) {
		throw new ApiError(415, 'unsupported_media_type', 'Content-Type must be application/json');
	}
	let value: unknown;
	try {
		value = JSON.parse(utf8(await readBody(request, limit), 'Body is not valid UTF-8'));
	} catch (error) {
		if (error instanceof ApiError) throw error;
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

/** A CSV upload (`text/csv` or `text/plain`, UTF-8 with or without BOM), at most `bodyLimits.csv`. */
export async function readCsv(request: Request): Promise<string> {
	const type = contentType(request);
	if (!type.startsWith('text/csv') && !type.startsWith('text/plain')) {
		throw new ApiError(415, 'unsupported_media_type', 'Content-Type must be text/csv');
	}
	return utf8(await readBody(request, bodyLimits.csv), 'The CSV must be UTF-8 (with or without BOM)');
}

/**
 * For writes that take no body: whatever was sent (`{}` at most, by our docs) is read within the
 * limits and ignored, so an oversized or never-ending body cannot ride on them.
 */
export async function discardBody(request: Request): Promise<void> {
	await readBody(request, bodyLimits.tiny);
}
