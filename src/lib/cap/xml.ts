/** XML text and attribute escaping for the CAP and Atom builders (every value goes through it). */
const entities: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;'
};

/** Drops what XML 1.0 forbids anywhere: C0 controls but tab/LF/CR, lone surrogates, FFFE/FFFF. */
function dropForbidden(text: string): string {
	let out = '';
	for (const char of text) {
		const code = char.codePointAt(0)!;
		const control = code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
		const loneSurrogate = code >= 0xd800 && code <= 0xdfff;
		if (!control && !loneSurrogate && code !== 0xfffe && code !== 0xffff) out += char;
	}
	return out;
}

export function escapeXml(value: string | number): string {
	return dropForbidden(String(value)).replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

/** `<name>value</name>` with the value escaped. */
export function element(name: string, value: string | number, indent = ''): string {
	return `${indent}<${name}>${escapeXml(value)}</${name}>`;
}
