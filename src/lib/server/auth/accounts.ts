/**
 * Password accounts of embedded mode: `auth.users` (username in `email`, scrypt hash in
 * `encrypted_password`, as the shim defines them) plus the role binding in `public.staff`.
 * Run as the platform (asService): callers can never read accounts.
 */
import { z } from 'zod';
import type { Database, Tx } from '../db/types.ts';
import { hashPassword } from './password.ts';

export const usernameSchema = z
	.string()
	.trim()
	.toLowerCase()
	.regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'username: 3–64 of a–z 0–9 . _ -');

export type AppRole = 'hq' | 'staff';

export interface Account {
	id: string;
	username: string;
	hash: string | null;
	role: AppRole | null;
	shelter_id: string | null;
	/** Session version (migration 20261202000200): tokens carry it as `tv`. */
	session_version: number;
	/** staff.disabled_at is set (issue 16): the account cannot sign in. */
	disabled: boolean;
}

export async function findAccount(tx: Tx, username: string): Promise<Account | null> {
	const result = await tx.query<Account>(
		`select u.id::text as id, u.email as username, u.encrypted_password as hash,
		        s.role, s.shelter_id, coalesce(v.version, 0) as session_version,
		        s.disabled_at is not null as disabled
		   from auth.users u left join public.staff s on s.user_id = u.id
		   left join public.session_versions v on v.user_id = u.id
		  where u.email = $1`,
		[username]
	);
	return result.rows[0] ?? null;
}

export interface NewAccount {
	username: string;
	password: string;
	role: AppRole;
	shelterId: string | null;
}

/**
 * Creates the account, or with `replace` resets its password and role — and then ends every
 * session of it (issue 18, L4): tokens issued under the old password stop working.
 */
export async function saveAccount(
	db: Database,
	account: NewAccount,
	options: { replace?: boolean } = {}
): Promise<{ id: string; created: boolean }> {
	return saveAccountHash(db, { ...account, hash: await hashPassword(account.password) }, options);
}

/** `saveAccount` with the password already hashed (the users CLI hashes before it asks the server). */
export async function saveAccountHash(
	db: Database,
	account: Omit<NewAccount, 'password'> & { hash: string },
	options: { replace?: boolean } = {}
): Promise<{ id: string; created: boolean }> {
	const hash = account.hash;
	if (account.role === 'staff' && !account.shelterId) throw new Error('staff needs --shelter <id>');
	if (account.role === 'hq' && account.shelterId) throw new Error('hq is not bound to a shelter');
	return db.asService(async (tx) => {
		if (account.shelterId) {
			const shelter = await tx.query('select 1 from public.shelters where id = $1', [account.shelterId]);
			if (!shelter.rows.length) throw new Error(`no shelter with id ${account.shelterId}`);
		}
		const existing = await findAccount(tx, account.username);
		if (existing && !options.replace) throw new Error(`user ${account.username} exists already`);
		const meta = JSON.stringify({ app_role: account.role, shelter_id: account.shelterId });
		const user = await tx.query<{ id: string }>(
			`insert into auth.users (email, encrypted_password, raw_app_meta_data)
			 values ($1, $2, $3::jsonb)
			 on conflict (email) do update set encrypted_password = excluded.encrypted_password,
			   raw_app_meta_data = excluded.raw_app_meta_data, updated_at = now()
			 returning id::text as id`,
			[account.username, hash, meta]
		);
		const id = user.rows[0].id;
		await tx.query(
			`insert into public.staff (user_id, role, shelter_id) values ($1, $2, $3)
			 on conflict (user_id) do update set role = excluded.role, shelter_id = excluded.shelter_id`,
			[id, account.role, account.shelterId]
		);
		if (existing) await tx.query('select public.revoke_sessions($1)', [id]);
		return { id, created: !existing };
	});
}

/** Ends every session of an account at once (`npm run users -- revoke`); false when unknown. */
export async function revokeSessions(db: Database, username: string): Promise<boolean> {
	return db.asService(async (tx) => {
		const account = await findAccount(tx, username);
		if (!account) return false;
		await tx.query('select public.revoke_sessions($1)', [account.id]);
		return true;
	});
}

export async function listAccounts(
	db: Database
): Promise<Omit<Account, 'hash' | 'session_version' | 'disabled'>[]> {
	return db.asService(async (tx) => {
		const result = await tx.query<Omit<Account, 'hash' | 'session_version' | 'disabled'>>(
			`select u.id::text as id, u.email as username, s.role, s.shelter_id
			   from auth.users u left join public.staff s on s.user_id = u.id
			  order by u.email`
		);
		return result.rows;
	});
}
