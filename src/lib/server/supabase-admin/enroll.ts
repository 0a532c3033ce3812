/**
 * 端末登録コード in Supabase mode (issue 16): POST /api/enroll on our server, with the attempt
 * limits in the Supabase database (signin_admit / signin_settle, service role) and the device
 * user made by Supabase Auth (auth.admin.createUser). The code is claimed first (single use), so a
 * wrong, used or expired code never creates a user; a failed createUser frees the code again.
 */
import { accountEmail } from '#lib/accounts/supabase-email.ts';
import type { LimitStore } from '../auth/db-guard.ts';
import type { Redeem, RedeemAnswer } from '../auth/enroll.ts';
import { adminClient, authFailure, call } from './client.ts';
import type { SupabaseAdminConfig } from './config.ts';

export function supabaseLimits(config: SupabaseAdminConfig): LimitStore {
	const admin = adminClient(config);
	return {
		admit: (username, address, limits) => call(admin, 'signin_admit', { username, address, limits }),
		async settle(ticket, outcome) {
			await call(admin, 'signin_settle', { ticket: Number(ticket), outcome });
		}
	};
}

export function redeemWithSupabaseAuth(config: SupabaseAdminConfig): Redeem {
	const admin = adminClient(config);
	return async (codeSha256, username, password) => {
		const claimed = await call<RedeemAnswer & { id?: string }>(admin, 'platform_claim_enrollment_code', {
			code_sha256: codeSha256
		});
		if (claimed.status !== 'ok') return claimed;
		const { data, error } = await admin.auth.admin.createUser({
			email: accountEmail(username),
			password,
			email_confirm: true,
			app_metadata: { app_role: 'staff', shelter_id: claimed.shelter_id }
		});
		if (error || !data.user) {
			await call(admin, 'platform_enroll_device', { code: claimed.id, account: null });
			throw authFailure(error ?? { message: 'no user' });
		}
		try {
			await call(admin, 'platform_enroll_device', { code: claimed.id, account: data.user.id });
		} catch (failure) {
			await admin.auth.admin.deleteUser(data.user.id);
			await call(admin, 'platform_enroll_device', { code: claimed.id, account: null });
			throw failure;
		}
		return { status: 'ok', shelter_id: claimed.shelter_id };
	};
}
