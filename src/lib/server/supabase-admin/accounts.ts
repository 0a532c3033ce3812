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
 * (migration 20261206000000_supabase_accounts.sql). Each step writes its audit row. Enrollment
 * codes are made and listed as the caller; redeeming them is supabase-admin/enroll.ts.
 */
import { accountEmail, usernameOfEmail } from '#lib/accounts/supabase-email.ts';
import type { EnrollmentCodeInfo, ManagedAccount } from '#lib/accounts/types.ts';
import { ApiError } from '../api-error.ts';
import { generateEnrollmentCode, generatePassphrase, sha256Hex } from '../auth/secrets.ts';
import type { HqAccounts } from '../hq/account-service.ts';
import { adminClient, authFailure, bearerToken, call, callerClient } from './client.ts';
import type { SupabaseAdminConfig } from './config.ts';

/** GoTrue's ban length for "disabled" (about 100 years); 'none' lifts it. */
export const disabledBan = '876000h';

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
		listCodes: () => call<EnrollmentCodeInfo[]>(asCaller, 'hq_enrollment_codes'),
		async createCode(shelterId) {
			const code = generateEnrollmentCode();
			const made = await call<{ id: string; shelter_id: string; expires_at: string }>(
				asCaller,
				'hq_create_enrollment_code',
				{ shelter: shelterId, code_sha256: sha256Hex(code) }
			);
			return { ...made, code };
		}
	};
}
