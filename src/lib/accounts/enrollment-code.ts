/**
 * 端末登録コード (terminal enrollment codes, issue 16): 8 characters from an alphabet without the
 * look-alikes 0/O, 1/I/L, shown as `XXXX-XXXX`. Typing is forgiving: case, spaces and hyphens
 * are ignored; anything else is no code. Pure: the browser and the server share it.
 */
export const codeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const codeLength = 8;
const codePattern = new RegExp(`^[${codeAlphabet}]{${codeLength}}$`);

/** The canonical code (8 characters, upper case) or null when the input cannot be one. */
export function normalizeCode(input: string): string | null {
	if (input.length > 64) return null;
	const code = input.replace(/[\s-]/g, '').toUpperCase();
	return codePattern.test(code) ? code : null;
}

/** `ABCD2345` → `ABCD-2345` (easier to read out over a phone). */
export function formatCode(code: string): string {
	return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A code from `random` bytes (rejection sampling: every character equally likely). */
export function codeFromRandom(random: (n: number) => Uint8Array): string {
	let out = '';
	const limit = 256 - (256 % codeAlphabet.length);
	while (out.length < codeLength) {
		for (const byte of random(16)) {
			if (byte < limit && out.length < codeLength) out += codeAlphabet[byte % codeAlphabet.length];
		}
	}
	return out;
}

/** The staff page's address carrying a code (the QR's content): `<origin>/staff?enroll=CODE`. */
export function enrollmentUrl(origin: string, code: string): string {
	return `${origin}/staff?enroll=${code}`;
}
