/**
 * Maps errors raised by SQL (RLS, check constraints, RPC `raise`) to API errors, so a refused or
 * invalid write is a 4xx with a message — never a 500 — and its transaction is rolled back.
 * Both PGlite and node-postgres expose the SQLSTATE as `code`.
 */
import { ApiError } from '../http.ts';

const bySqlState: Record<string, [number, string]> = {
	'42501': [403, 'forbidden'], // insufficient_privilege: RLS or a missing grant
	'28000': [401, 'unauthorized'], // invalid_authorization_specification
	'23514': [400, 'invalid_value'], // check_violation
	'23502': [400, 'invalid_value'], // not_null_violation
	'23503': [404, 'not_found'], // foreign_key_violation: e.g. unknown shelter
	'23505': [409, 'conflict'], // unique_violation
	'22P02': [400, 'invalid_value'], // invalid_text_representation
	'22001': [400, 'invalid_value'], // string_data_right_truncation
	'22003': [400, 'invalid_value'], // numeric_value_out_of_range
	'22007': [400, 'invalid_value'], // invalid_datetime_format
	'22008': [400, 'invalid_value'], // datetime_field_overflow
	'22023': [400, 'invalid_value'], // invalid_parameter_value
	P0001: [400, 'rejected'], // raise exception without a code
	P0002: [404, 'not_found'] // no_data_found
};

interface SqlError {
	code?: unknown;
	message?: unknown;
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
	const mapped = bySqlState[error.code];
	if (!mapped) return null;
	const message = typeof error.message === 'string' ? error.message : 'Refused by the database';
	// RLS messages name tables and policies; say what happened without the internals.
	const text = error.code === '42501' ? 'Not allowed for this account' : message;
	return new ApiError(mapped[0], mapped[1], text);
}
