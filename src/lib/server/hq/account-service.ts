/**
 * The HQ account steps behind /api/accounts/** (issue 16), one interface for both modes: the
 * embedded database (our own auth, SQL RPCs of migration 20261205120000) or Supabase (supabase-js
 * auth.admin on the server, supabase-admin/accounts.ts). Routes never pick an adapter themselves:
 * `hqAccounts()` checks the caller is HQ (401/403 before any body is read) and answers the right one.
 */
import type { EnrollmentCodeInfo, IssuedPassword, ManagedAccount } from '#lib/accounts/types.ts';
import type { Claims } from '../db/types.ts';
import { runtime } from '../api/runtime.ts';
import { supabaseAdminConfig } from '../supabase-admin/config.ts';
import { supabaseHqAccounts } from '../supabase-admin/accounts.ts';
import { redeemWithSupabaseAuth, supabaseLimits } from '../supabase-admin/enroll.ts';
import { DbSignInGuard, enrollDbLimits } from '../auth/db-guard.ts';
import { redeemInDatabase, type Redeem } from '../auth/enroll.ts';
import type { Guard } from '../auth/sign-in-guard.ts';
import * as embedded from './accounts.ts';
import { asHq, requireHq } from './guard.ts';

export interface NewAccountInput {
	username: string;
	role: 'hq' | 'staff';
	shelter_id: string | null;
}

export interface AccountChange {
	shelter_id?: string;
	disabled?: boolean;
}

export interface HqAccounts {
	readonly mode: 'embedded' | 'supabase';
	list(): Promise<ManagedAccount[]>;
	create(input: NewAccountInput): Promise<IssuedPassword>;
	resetPassword(id: string): Promise<IssuedPassword>;
	change(id: string, change: AccountChange): Promise<void>;
	listCodes(): Promise<EnrollmentCodeInfo[]>;
	createCode(
		shelterId: string
	): Promise<{ id: string; shelter_id: string; expires_at: string; code: string }>;
}

/** The caller as the hook saw it: verified claims (embedded) and the raw Authorization header. */
export interface AccountCaller {
	claims: Claims | null;
	authorization: string | null;
}

export async function hqAccounts(caller: AccountCaller): Promise<HqAccounts> {
	const config = supabaseAdminConfig();
	if (config) return supabaseHqAccounts(config, caller.authorization);
	const { db } = await runtime();
	await requireHq(db, caller.claims);
	const as = <T>(fn: Parameters<typeof asHq<T>>[2]) => asHq(db, caller.claims, fn);
	return {
		mode: 'embedded',
		list: () => as(embedded.listAccounts),
		create: (input) => as((tx) => embedded.createAccount(tx, input)),
		resetPassword: (id) => as((tx) => embedded.resetPassword(tx, id)),
		change: (id, change) => as((tx) => embedded.changeAccount(tx, id, change)),
		listCodes: () => as(embedded.listEnrollmentCodes),
		createCode: (shelterId) => as((tx) => embedded.createEnrollmentCode(tx, shelterId))
	};
}

/** The caller of a route event (hooks.server.ts leaves `claims` null for Supabase tokens here). */
export function callerOf(event: { locals: { claims: Claims | null }; request: Request }): AccountCaller {
	return { claims: event.locals.claims, authorization: event.request.headers.get('authorization') };
}

/**
 * What POST /api/enroll redeems codes with: the embedded database, or Supabase Auth with the
 * attempt limits in the Supabase database (the same limits, enrollDbLimits).
 */
export async function enrollment(): Promise<{ redeem: Redeem; guard: Guard }> {
	const config = supabaseAdminConfig();
	if (config)
		return {
			redeem: redeemWithSupabaseAuth(config),
			guard: new DbSignInGuard(supabaseLimits(config), enrollDbLimits)
		};
	const { db, enrollGuard } = await runtime();
	return { redeem: redeemInDatabase(db), guard: enrollGuard };
}
