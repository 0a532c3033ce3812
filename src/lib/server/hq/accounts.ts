/**
 * The HQ account steps (SQL in migration 20261205120000: every RPC checks is_hq() and writes its
 * audit row). Run as the HQ caller, so the audit log names who did it. Passphrases are generated
 * and hashed here; only the hash goes to SQL, the passphrase back to HQ once.
 */
import type { EnrollmentCodeInfo, IssuedPassword, ManagedAccount } from '#lib/accounts/types.ts';
import type { Tx } from '../db/types.ts';
import { hashPassword } from '../auth/password.ts';
import { generateEnrollmentCode, generatePassphrase, sha256Hex } from '../auth/secrets.ts';

async function one<T>(tx: Tx, sql: string, params: unknown[]): Promise<T> {
	const result = await tx.query<{ r: T }>(sql, params);
	return result.rows[0]!.r;
}

export async function listAccounts(tx: Tx): Promise<ManagedAccount[]> {
	return one(tx, 'select public.hq_accounts() as r', []);
}

export async function createAccount(
	tx: Tx,
	input: { username: string; role: 'hq' | 'staff'; shelter_id: string | null }
): Promise<IssuedPassword> {
	const password = generatePassphrase();
	const id = await one<string>(tx, 'select public.hq_create_account($1, $2, $3, $4)::text as r', [
		input.username,
		await hashPassword(password),
		input.role,
		input.shelter_id
	]);
	return { id, username: input.username, password };
}

export async function resetPassword(tx: Tx, id: string): Promise<IssuedPassword> {
	const password = generatePassphrase();
	await tx.query('select public.hq_reset_password($1, $2)', [id, await hashPassword(password)]);
	const name = await tx.query<{ username: string }>(
		`select a ->> 'username' as username from jsonb_array_elements(public.hq_accounts()) as a where a ->> 'id' = $1`,
		[id]
	);
	return { id, username: name.rows[0]?.username ?? '', password };
}

export async function changeAccount(
	tx: Tx,
	id: string,
	change: { shelter_id?: string; disabled?: boolean }
): Promise<void> {
	if (change.shelter_id !== undefined)
		await tx.query('select public.hq_move_account($1, $2)', [id, change.shelter_id]);
	if (change.disabled !== undefined)
		await tx.query('select public.hq_set_disabled($1, $2)', [id, change.disabled]);
}

export async function createEnrollmentCode(
	tx: Tx,
	shelterId: string
): Promise<{ id: string; shelter_id: string; expires_at: string; code: string }> {
	const code = generateEnrollmentCode();
	const made = await one<{ id: string; shelter_id: string; expires_at: string }>(
		tx,
		'select public.hq_create_enrollment_code($1, $2) as r',
		[shelterId, sha256Hex(code)]
	);
	return { ...made, code };
}

export async function listEnrollmentCodes(tx: Tx): Promise<EnrollmentCodeInfo[]> {
	return one(tx, 'select public.hq_enrollment_codes() as r', []);
}
