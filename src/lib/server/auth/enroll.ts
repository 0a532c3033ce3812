/**
 * POST /api/enroll: a 端末登録コード turns a browser into a device account bound to the code's
 * shelter. Like a sign-in: the attempt is reserved in the database limiter first (db-guard.ts,
 * `enrollKey`), and every refusal — wrong, used or expired code — keeps it, so guessing is
 * bounded and a restart does not reset the count. The device's passphrase is generated here and
 * returned once; the terminal signs in with it like any account.
 */
import { normalizeCode } from '#lib/accounts/enrollment-code.ts';
import type { Database } from '../db/types.ts';
import { ApiError } from '../http.ts';
import { enrollKey } from './db-guard.ts';
import { RateLimitedError } from './login.ts';
import { hashPassword } from './password.ts';
import { generateDeviceName, generatePassphrase, sha256Hex } from './secrets.ts';
import type { Guard } from './sign-in-guard.ts';

export interface EnrolledDevice {
	username: string;
	password: string;
	shelter_id: string;
}

const refusals = {
	unknown: 'This enrollment code is not valid; check it or ask HQ for a new one',
	used: 'This enrollment code was used already; ask HQ for a new one',
	expired: 'This enrollment code has expired (15 minutes); ask HQ for a new one'
} as const;

export type RedeemAnswer = { status: 'ok'; shelter_id: string } | { status: keyof typeof refusals };

/**
 * Redeems a code's SHA-256 for a new device account `username` / `password` (created only when
 * the code is good): embedded SQL (`redeemInDatabase`) or Supabase Auth (supabase-admin/enroll.ts).
 */
export type Redeem = (codeSha256: string, username: string, password: string) => Promise<RedeemAnswer>;

export function redeemInDatabase(db: Database): Redeem {
	return async (codeSha256, username, password) => {
		const hash = await hashPassword(password);
		return db.asService(async (tx) => {
			const result = await tx.query<{ r: RedeemAnswer }>(
				'select public.redeem_enrollment_code($1, $2, $3) as r',
				[codeSha256, username, hash]
			);
			return result.rows[0]!.r;
		});
	};
}

export async function enroll(
	context: { redeem: Redeem; guard: Guard; address: string },
	input: { code: string }
): Promise<EnrolledDevice> {
	const admission = await context.guard.admit(enrollKey, context.address);
	if (!admission.ok) throw new RateLimitedError(admission.retryAfter);
	const code = normalizeCode(input.code);
	let answer: RedeemAnswer = { status: 'unknown' };
	const username = generateDeviceName();
	const password = generatePassphrase();
	try {
		if (code) answer = await context.redeem(sha256Hex(code), username, password);
	} catch (error) {
		await admission.ticket.settle('unchecked');
		throw error;
	}
	if (answer.status !== 'ok') {
		await admission.ticket.settle('wrong');
		throw new ApiError(
			answer.status === 'unknown' ? 400 : 410,
			`code_${answer.status}`,
			refusals[answer.status]
		);
	}
	await admission.ticket.settle('right');
	return { username, password, shelter_id: answer.shelter_id };
}
