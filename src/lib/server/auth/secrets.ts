/**
 * Generated secrets for accounts managed by HQ (issue 16): passphrases shown once, enrollment codes,
 * and the one-way digest under which a code is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import { codeFromRandom } from '#lib/accounts/enrollment-code.ts';

/** Lower-case letters and digits without look-alikes (no 0/o, 1/l/i). */
const passAlphabet = '23456789abcdefghjkmnpqrstuvwxyz';

/** 4 groups of 5 (about 99 bits): `k7m2p-x9r4t-…`, easy to read out and type on a tablet. */
export function generatePassphrase(): string {
	const limit = 256 - (256 % passAlphabet.length);
	const chars: string[] = [];
	while (chars.length < 20) {
		for (const byte of randomBytes(32)) {
			if (byte < limit && chars.length < 20) chars.push(passAlphabet[byte % passAlphabet.length]);
		}
	}
	return [0, 5, 10, 15].map((at) => chars.slice(at, at + 5).join('')).join('-');
}

export function generateEnrollmentCode(): string {
	return codeFromRandom((n) => randomBytes(n));
}

/** A device account's username: `device-` and 10 random characters. */
export function generateDeviceName(): string {
	return `device-${generatePassphrase().replace(/-/g, '').slice(0, 10)}`;
}

export function sha256Hex(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}
