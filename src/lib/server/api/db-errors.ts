/**
 * Maps errors raised by SQL (RLS, check constraints, RPC `raise`) to API errors, so a refused or
 * invalid write is a 4xx with a message — never a 500 — and its transaction is rolled back.
 * Both PGlite and node-postgres expose the SQLSTATE as `code`.
 */
import { statusOfSqlState } from '#lib/backend/sql-errors.ts';
import { ApiError } from '../http.ts';

interface SqlError {
	code?: unknown;
	message?: unknown;
	detail?: unknown;
}

export function isSqlError(error: unknown): error is SqlError & { code: string } {
	return (
		typeof error === 'object' &&
		error !== null &&
		typeof (error as SqlError).code === 'string' &&
		/^[0-9A-Z]{5}$/.test((error as SqlError).code as string)
	);
}

/** The ApiError for a SQL error, or null when it is not a caller's mistake (a real 500). */
export function apiErrorFromSql(error: unknown): ApiError | null {
	if (!isSqlError(error)) return null;
	const mapped = statusOfSqlState(error.code);
	if (!mapped) return null;
	const message = typeof error.message === 'string' ? error.message : 'Refused by the database';
	// A bare RLS refusal names tables and policies; our RPCs' own 42501 messages are meant for users.
	const text = /row-level security|permission denied/i.test(message)
		? 'Not allowed for this account'
		: message;
	// A revoked session is a bad token (RFC 6750 § 3), like an expired one.
	const headers =
		mapped[1] === 'session_revoked'
			? { 'www-authenticate': 'Bearer error="invalid_token"' }
			: retryAfterHeader(error);
	return new ApiError(mapped[0], mapped[1], text, headers);
}

/** A 429 from SQL says when to come back in its detail (`retry_after=<seconds>`). */
function retryAfterHeader(error: SqlError): HeadersInit | undefined {
	const match = typeof error.detail === 'string' ? /^retry_after=(\d{1,6})$/.exec(error.detail) : null;
	return match ? { 'retry-after': match[1] } : undefined;
}
