/**
 * Password hashing with scrypt (node:crypto): a memory-hard KDF, per-user random salt, parameters
 * recorded in the hash string so they can be raised later without breaking old hashes.
 * Format: `scrypt$<N>$<r>$<p>$<salt base64url>$<hash base64url>`.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const defaults = { N: 2 ** 15, r: 8, p: 1 } as const;
const keyLength = 32;
const saltLength = 16;

/** The weakest password the CLI accepts: length beats composition rules (NIST SP 800-63B). */
export const minPasswordLength = 12;

function derive(password: string, salt: Buffer, options: { N: number; r: number; p: number }) {
	const params: ScryptOptions = { ...options, maxmem: 256 * options.N * options.r };
	return new Promise<Buffer>((resolve, reject) =>
		scrypt(password.normalize('NFKC'), salt, keyLength, params, (error, key) =>
			error ? reject(error) : resolve(key)
		)
	);
}

export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(saltLength);
	const key = await derive(password, salt, defaults);
	const { N, r, p } = defaults;
	return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** A hash of a random password: verifying against it burns the same time as a real account. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
	decoy ??= hashPassword(randomBytes(24).toString('base64url'));
	return decoy;
}

/** Constant-time check; a malformed stored hash is simply "no match". */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const parts = stored.split('$');
	if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
	const [N, r, p] = parts.slice(1, 4).map(Number);
	if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 2 ** 20) return false;
	const salt = Buffer.from(parts[4], 'base64url');
	const expected = Buffer.from(parts[5], 'base64url');
	if (expected.length !== keyLength) return false;
	const actual = await derive(password, salt, { N, r, p });
	return timingSafeEqual(actual, expected);
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
	if (password.length < minPasswordLength) {
		return `password must be at least ${minPasswordLength} characters`;
	}
	if (new Set(password).size < 4) return 'password repeats too few characters';
	return null;
}
