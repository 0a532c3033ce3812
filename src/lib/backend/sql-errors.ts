/**
 * SQLSTATE → HTTP status and error code, shared by the server (SQL errors of a request) and the
 * supabase adapter (PostgREST errors carry the same SQLSTATE in `code`), so both modes answer a
 * refused or invalid write the same way. The RPCs document which SQLSTATE they raise.
 */
export const sqlStateStatus: Readonly<Record<string, readonly [number, string]>> = {
	'42501': [403, 'forbidden'], // insufficient_privilege: RLS, a missing grant, require_hq()
	'28000': [401, 'unauthorized'], // invalid_authorization_specification
	PT401: [401, 'session_revoked'], // public.assert_session_current: the account's sessions were ended
	'23514': [400, 'invalid_value'], // check_violation
	'23502': [400, 'invalid_value'], // not_null_violation
	'23503': [404, 'not_found'], // foreign_key_violation: e.g. unknown shelter
	'23505': [409, 'conflict'], // unique_violation: client_id used for another report
	'22P02': [400, 'invalid_value'], // invalid_text_representation
	'22001': [400, 'invalid_value'], // string_data_right_truncation
	'22003': [400, 'invalid_value'], // numeric_value_out_of_range
	'22007': [400, 'invalid_value'], // invalid_datetime_format
	'22008': [400, 'invalid_value'], // datetime_field_overflow
	'22023': [400, 'invalid_value'], // invalid_parameter_value
	'22021': [400, 'invalid_value'], // character_not_in_repertoire (e.g. a NUL in text)
	'22P05': [400, 'invalid_value'], // untranslatable_character (\u0000 in jsonb)
	'22004': [400, 'invalid_value'], // null_value_not_allowed
	P0001: [400, 'rejected'], // raise exception without a code
	// PostgREST's "PTxyz answers HTTP xyz": too many reports from one account (limit_report_rate)
	PT429: [429, 'rate_limited'],
	// The target is not in a state for this step (a cancelled opening order acknowledged, an
	// acknowledged one resent): PostgREST answers PT409 as HTTP 409 too
	PT409: [409, 'conflict'],
	P0002: [404, 'not_found'] // no_data_found: unknown id
};

/** An error as PostgREST (and so supabase-js) reports it: `code` is a SQLSTATE or a PGRSTxxx. */
export interface PgError {
	code?: string;
	message: string;
}

/** PostgREST's JWT errors (expired, invalid): the caller must sign in again, not retry. */
const postgrestAuthCodes = new Set(['PGRST301', 'PGRST302', 'PGRST303']);

export function isPostgrestAuthError(code: string | undefined): boolean {
	return code !== undefined && postgrestAuthCodes.has(code);
}

/** Status and code for a SQLSTATE, or null when it is not the caller's mistake. */
export function statusOfSqlState(code: string): readonly [number, string] | null {
	return sqlStateStatus[code] ?? null;
}
