/**
 * A random (v4) UUID for `client_id`. `crypto.randomUUID` exists only in secure contexts, and a
 * shelter terminal may reach an embedded server over plain http on the school LAN, where
 * `crypto.getRandomValues` still works; both draw from the platform's CSPRNG.
 */
export function newClientId(
	source: Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string } = crypto
): string {
	if (typeof source.randomUUID === 'function') return source.randomUUID();
	const bytes = source.getRandomValues(new Uint8Array(16));
	bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
	bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
	const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
