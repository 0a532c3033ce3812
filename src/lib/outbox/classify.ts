import { BackendError } from '../backend/port.ts';

/**
 * What a failed send means for the queued report:
 * - `auth`: the session expired or is missing — keep everything, ask to sign in again;
 * - `reject`: the server refused this report for good (4xx validation/permission) — set it aside
 *   with the reason so the reports behind it can go;
 * - `retry`: network error, timeout, 5xx, 408/429 — try again later, in order.
 */
export type FailureKind = 'auth' | 'reject' | 'retry';

const transientClientStatuses = new Set([408, 425, 429]);

export function classifyFailure(error: unknown): FailureKind {
	if (!(error instanceof BackendError)) return 'retry';
	if (error.status === 401) return 'auth';
	if (error.status >= 400 && error.status < 500 && !transientClientStatuses.has(error.status)) {
		return 'reject';
	}
	return 'retry';
}

export function describeError(error: unknown): string {
	if (error instanceof BackendError) return `${error.status} ${error.code}: ${error.message}`;
	if (error instanceof Error) return error.message;
	return String(error);
}
