/** Accounts as HQ's 「アカウント」 panel sees them (GET /api/accounts): never a hash or password. */
export interface ManagedAccount {
	id: string;
	username: string;
	role: 'hq' | 'staff';
	/** 'device': a terminal enrolled with a 端末登録コード. */
	kind: 'person' | 'device';
	shelter_id: string | null;
	shelter_name: string | null;
	disabled_at: string | null;
	created_at: string;
	/** When its sessions were last ended (password reset, move, disable), or null. */
	revoked_at: string | null;
}

export interface EnrollmentCodeInfo {
	id: string;
	shelter_id: string;
	created_at: string;
	expires_at: string;
	used_at: string | null;
	device: string | null;
}

/** POST /api/accounts/enrollment-codes: the code itself is in this answer only. */
export interface NewEnrollmentCode {
	id: string;
	shelter_id: string;
	expires_at: string;
	code: string;
	url: string;
	qr_svg: string;
}

/** A passphrase shown once (account created, password reset). */
export interface IssuedPassword {
	id: string;
	username: string;
	password: string;
}
