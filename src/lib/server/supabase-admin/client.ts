/**
 * supabase-js clients of the server in Supabase mode (issue 16) and their errors as our API's.
 * The service-role client never leaves the server (config.ts).
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { isPostgrestAuthError, statusOfSqlState, type PgError } from '#lib/backend/sql-errors.ts';
import { ApiError } from '../api-error.ts';
import type { SupabaseAdminConfig } from './config.ts';

const serverAuth = { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false };
const admins = new Map<string, SupabaseClient>();

export function adminClient(config: SupabaseAdminConfig): SupabaseClient {
	const key = `${config.url} ${config.serviceRoleKey}`;
	let client = admins.get(key);
	if (!client) {
		client = createClient(config.url, config.serviceRoleKey, { auth: serverAuth });
		admins.set(key, client);
	}
	return client;
}

/** The database as the caller: PostgREST verifies the token, RLS and auth.uid() see the caller. */
export function callerClient(config: SupabaseAdminConfig, token: string): SupabaseClient {
	return createClient(config.url, config.anonKey, {
		auth: serverAuth,
		global: { headers: { authorization: `Bearer ${token}` } }
	});
}

export function bearerToken(header: string | null): string {
	if (header === null)
		throw new ApiError(401, 'unauthorized', 'Sign in first: Authorization: Bearer <Supabase access token>');
	const match = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\s*$/i.exec(header);
	if (!match || header.length > 4096)
		throw new ApiError(401, 'invalid_token', 'Authorization must be "Bearer <access_token>"');
	return match[1];
}

function sqlFailure(error: PgError): ApiError {
	if (isPostgrestAuthError(error.code)) return new ApiError(401, 'invalid_token', error.message);
	const mapped = error.code ? statusOfSqlState(error.code) : null;
	if (!mapped) return new ApiError(502, 'database_error', `Supabase database: ${error.message}`);
	return new ApiError(mapped[0], mapped[1], error.message);
}

export async function call<T>(
	client: SupabaseClient,
	fn: string,
	args: Record<string, unknown> = {}
): Promise<T> {
	const { data, error } = await client.rpc(fn, args);
	if (error) throw sqlFailure(error);
	return data as T;
}

export function authFailure(
	error: { status?: number; code?: string; message: string },
	username?: string
): ApiError {
	if (error.code === 'email_exists' || error.code === 'user_already_exists')
		return new ApiError(409, 'conflict', `user ${username ?? ''} exists already`);
	if (error.status === 404 || error.code === 'user_not_found')
		return new ApiError(404, 'not_found', 'no such account');
	return new ApiError(502, 'auth_error', `Supabase Auth: ${error.message}`);
}
