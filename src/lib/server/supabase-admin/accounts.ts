/**
 * HQ account management in Supabase mode (issue 16), server side only. Supabase Auth (GoTrue)
 * owns users and passwords: this module creates users, sets passwords and bans through
 * supabase-js `auth.admin` with the service-role key (supabase-admin/config.ts: server
 * environment only). Role, shelter and disabled_at stay in public.staff, where RLS reads them.
 *
 * Every call first checks the caller: the Bearer token must be a live Supabase session
 * (`auth.getUser(token)`, 401 otherwise) of an HQ account (`public.is_hq()` asked as the caller,
 * 403 otherwise). Steps the database owns run as the caller (the same hq_* RPCs as embedded
 * mode: RLS, require_hq and the audit row's actor are the caller's); the steps that also touch
 * GoTrue run service-side RPCs that take the verified caller as `actor` and check it is HQ again
 * (migration 20261206000000_supabase_accounts.sql). Each step writes its audit row.
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { accountEmail, usernameOfEmail } from '#lib/accounts/supabase-email.ts';
import type { ManagedAccount } from '#lib/accounts/types.ts';
import { statusOfSqlState } from '#lib/backend/sql-errors.ts';
import { ApiError } from '../api-error.ts';
import { generatePassphrase } from '../auth/secrets.ts';
import type { HqAccounts } from '../hq/account-service.ts';
import type { SupabaseAdminConfig } from './config.ts';

/** GoTrue's ban length for "disabled" (about 100 years); 'none' lifts it. */
export const disabledBan = '876000h';

const serverAuth = { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false };
const admins = new Map<string, SupabaseClient>();

function adminClient(config: SupabaseAdminConfig): SupabaseClient {
	const key = `${config.url} ${config.serviceRoleKey}`;
	let client = admins.get(key);
	if (!client) {
		client = createClient(config.url, config.serviceRoleKey, { auth: serverAuth });
		admins.set(key, client);
	}
	return client;
}

/** The database as the caller: PostgREST verifies the token, RLS and auth.uid() see the caller. */
function callerClient(config: SupabaseAdminConfig, token: string): SupabaseClient {
	return createClient(config.url, config.anonKey, {
		auth: serverAuth,
		global: { headers: { authorization: `Bearer ${token}` } }
	});
}

function bearerToken(header: string | null): string {
	if (header === null)
		throw new ApiError(401, 'unauthorized', 'Sign in first: Authorization: Bearer <Supabase access token>');
	const match = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\s*$/i.exec(header);
	if (!match || header.length > 4096)
		throw new ApiError(401, 'invalid_token', 'Authorization must be "Bearer <access_token>"');
	return match[1];
}

interface PgError {
	code?: string;
	message: string;
}

const postgrestAuthCodes = new Set(['PGRST301', 'PGRST302', 'PGRST303']);

function sqlFailure(error: PgError): ApiError {
	if (error.code && postgrestAuthCodes.has(error.code))
		return new ApiError(401, 'invalid_token', error.message);
	const mapped = error.code ? statusOfSqlState(error.code) : null;
	if (!mapped) return new ApiError(502, 'database_error', `Supabase database: ${error.message}`);
	return new ApiError(mapped[0], mapped[1], error.message);
}

async function call<T>(client: SupabaseClient, fn: string, args: Record<string, unknown> = {}): Promise<T> {
	const { data, error } = await client.rpc(fn, args);
	if (error) throw sqlFailure(error);
	return data as T;
}

function authFailure(
	error: { status?: number; code?: string; message: string },
	username?: string
): ApiError {
	if (error.code === 'email_exists' || error.code === 'user_already_exists')
		return new ApiError(409, 'conflict', `user ${username ?? ''} exists already`);
	if (error.status === 404 || error.code === 'user_not_found')
		return new ApiError(404, 'not_found', 'no such account');
	return new ApiError(502, 'auth_error', `Supabase Auth: ${error.message}`);
}

/** The HQ steps for the caller of `authorization`; 401/403 before anything else happens. */
export async function supabaseHqAccounts(
	config: SupabaseAdminConfig,
	authorization: string | null
): Promise<HqAccounts> {
	const token = bearerToken(authorization);
	const admin = adminClient(config);
	const { data: seen, error: notSeen } = await admin.auth.getUser(token);
	if (notSeen || !seen.user)
		throw new ApiError(401, 'invalid_token', 'This Supabase session is not valid any more; sign in again');
	const actor = seen.user.id;
	const asCaller = callerClient(config, token);
	if (!(await call<boolean>(asCaller, 'is_hq'))) throw new ApiError(403, 'forbidden', 'Only HQ may do this');

	async function setBan(id: string, disabled: boolean) {
		const { error } = await admin.auth.admin.updateUserById(id, {
			ban_duration: disabled ? disabledBan : 'none'
		});
		if (error) throw authFailure(error);
	}

	return {
		mode: 'supabase',
		async list() {
			const rows = await call<ManagedAccount[]>(asCaller, 'hq_accounts');
			return rows.map((row) => ({ ...row, username: usernameOfEmail(row.username) }));
		},
		async create(input) {
			const password = generatePassphrase();
			const { data, error } = await admin.auth.admin.createUser({
				email: accountEmail(input.username),
				password,
				email_confirm: true,
				app_metadata: { app_role: input.role, shelter_id: input.shelter_id }
			});
			if (error || !data.user) throw authFailure(error ?? { message: 'no user' }, input.username);
			const id = data.user.id;
			try {
				await call(admin, 'platform_link_account', {
					actor,
					account: id,
					app_role: input.role,
					shelter: input.shelter_id
				});
			} catch (failure) {
				// No half-made account: without its staff row the user could sign in to nothing.
				await admin.auth.admin.deleteUser(id);
				throw failure;
			}
			return { id, username: input.username, password };
		},
		async resetPassword(id) {
			const email = await call<string>(admin, 'platform_reset_password', { actor, account: id });
			const password = generatePassphrase();
			const { error } = await admin.auth.admin.updateUserById(id, { password });
			if (error) throw authFailure(error);
			return { id, username: usernameOfEmail(email ?? ''), password };
		},
		async change(id, change) {
			if (change.shelter_id !== undefined)
				await call(asCaller, 'hq_move_account', { account: id, shelter: change.shelter_id });
			if (change.disabled !== undefined) {
				// The database first (HQ check, unknown id, own account, audit, sessions), then the ban.
				await call(asCaller, 'hq_set_disabled', { account: id, disabled: change.disabled });
				await setBan(id, change.disabled);
			}
		},
		async listCodes() {
			// UNFINISHED: enrollment codes in Supabase mode (redeeming needs auth.admin.createUser).
			throw new ApiError(501, 'not_implemented', 'Enrollment codes are not available in Supabase mode yet');
		},
		async createCode() {
			throw new ApiError(501, 'not_implemented', 'Enrollment codes are not available in Supabase mode yet');
		}
	};
}
