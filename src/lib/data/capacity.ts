/**
 * 想定収容人数 as open data writes it: a plain number (「480」「480人」「約1,200名」) or indoor and outdoor
 * places named (「屋内480人／屋外3,350人」, 「屋内：480人、屋外：3350人」), with full-width digits and
 * thousands separators. Text that says something else is refused (null), never guessed.
 */
export interface ParsedCapacity {
	/** 屋内 places; null when the text does not name them. */
	indoor: number | null;
	/** 屋外 places; null when the text does not name them. */
	outdoor: number | null;
	/** The number a single-figure column keeps: indoor + outdoor, or the plain number. */
	total: number;
}

export const maxCapacity = 1_000_000;

function normalize(text: string): string {
	return text
		.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
		.replace(/[，,]/g, '')
		.replace(/[\s\u3000]+/g, '')
		.trim();
}

const amount = '(?:約)?(\\d{1,7})(?:人|名)?';
const plain = new RegExp(`^${amount}$`);
const part = new RegExp(`(屋内|屋外)[:：]?${amount}`, 'g');
const separators = /^[／/、・;；]*$/;

function checked(value: number): number | null {
	return Number.isSafeInteger(value) && value >= 0 && value <= maxCapacity ? value : null;
}

/** '' → undefined (no capacity given); readable text → the figures; anything else → null. */
export function parseCapacity(text: string): ParsedCapacity | null | undefined {
	const source = normalize(text);
	if (source === '') return undefined;
	const single = plain.exec(source);
	if (single) {
		const total = checked(Number(single[1]));
		return total === null ? null : { indoor: null, outdoor: null, total };
	}
	const found: Partial<Record<'屋内' | '屋外', number>> = {};
	let rest = source;
	for (const match of source.matchAll(part)) {
		const label = match[1] as '屋内' | '屋外';
		const value = checked(Number(match[2]));
		if (value === null || found[label] !== undefined) return null;
		found[label] = value;
		rest = rest.replace(match[0], '');
	}
	if (Object.keys(found).length === 0 || !separators.test(rest)) return null;
	const indoor = found['屋内'] ?? null;
	const outdoor = found['屋外'] ?? null;
	const total = (indoor ?? 0) + (outdoor ?? 0);
	return total > maxCapacity ? null : { indoor, outdoor, total };
}
