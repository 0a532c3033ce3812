/**
 * The national shelter id (全国共通避難所・避難場所ID, GSI column 「共通ID」), 14 characters:
 * `E` + 5-digit municipality code + 5-digit facility serial + major type (1 指定避難所,
 * 2 指定緊急避難場所) + minor type (1 一般 / 2 福祉 for 指定避難所; 0 for 指定緊急避難場所) + a
 * same-address serial (1–9, A–Z, a–z). The national system (SOBO-WEB) joins 開設状況 and 避難者数 on
 * it, so a malformed one must be reported, never accepted. Source: 内閣府 2024-11-07 (see
 * ../shared/data/README.md).
 */

export type CommonIdProblem =
	'length' | 'prefix' | 'municipality' | 'other_city' | 'facility' | 'major' | 'minor' | 'serial';

export interface CommonId {
	municipality: string;
	facility: string;
	/** 指定避難所 (1) or 指定緊急避難場所 (2). */
	major: 'shelter' | 'emergency_site';
	/** 福祉避難所: major 1 with minor 2. */
	welfare: boolean;
	serial: string;
}

export type CommonIdResult = { ok: true; value: CommonId } | { ok: false; problem: CommonIdProblem };

/** Why an id was refused, for the import logs (Japanese, as the rest of the log). */
export const commonIdProblemText: Record<CommonIdProblem, string> = {
	length: '共通IDは14文字です',
	prefix: '共通IDは E で始まります',
	municipality: '2〜6文字目は5桁の市区町村コードです',
	other_city: '市区町村コードがこの市のものではありません',
	facility: '7〜11文字目は5桁の施設番号です',
	major: '12文字目は 1（指定避難所）か 2（指定緊急避難場所）です',
	minor: '13文字目は指定避難所なら 1（一般）か 2（福祉）、指定緊急避難場所なら 0 です',
	serial: '14文字目は同一住所の連番（1〜9、A〜Z、a〜z）です'
};

/**
 * Checks an id's structure; `cityCode` (5 digits) also checks it belongs to the city.
 * Characters are checked left to right, so the first wrong part is the one reported.
 */
export function parseCommonId(id: string, cityCode?: string): CommonIdResult {
	if (id.length !== 14) return { ok: false, problem: 'length' };
	if (id[0] !== 'E') return { ok: false, problem: 'prefix' };
	const municipality = id.slice(1, 6);
	if (!/^\d{5}$/.test(municipality)) return { ok: false, problem: 'municipality' };
	if (cityCode !== undefined && municipality !== cityCode) return { ok: false, problem: 'other_city' };
	const facility = id.slice(6, 11);
	if (!/^\d{5}$/.test(facility)) return { ok: false, problem: 'facility' };
	const major = id[11];
	if (major !== '1' && major !== '2') return { ok: false, problem: 'major' };
	const minor = id[12];
	if (major === '1' ? minor !== '1' && minor !== '2' : minor !== '0') return { ok: false, problem: 'minor' };
	const serial = id[13];
	if (!/^[1-9A-Za-z]$/.test(serial)) return { ok: false, problem: 'serial' };
	return {
		ok: true,
		value: {
			municipality,
			facility,
			major: major === '1' ? 'shelter' : 'emergency_site',
			welfare: major === '1' && minor === '2',
			serial
		}
	};
}

/** A 福祉避難所 by its id (false for any id that is not a well-formed 共通ID). */
export function isWelfareId(id: string): boolean {
	const parsed = parseCommonId(id);
	return parsed.ok && parsed.value.welfare;
}

/**
 * Whether an id claims to be a 共通ID (`E` then a digit). The HQ import also takes the city's own
 * ids (臨時避難所, the older v1 layout's NO); those do not claim it and are not checked.
 */
export function claimsCommonId(id: string): boolean {
	return /^E\d/.test(id);
}

/** One line for the import log: the id, then why it is malformed. */
export function describeCommonIdProblem(id: string, problem: CommonIdProblem): string {
	return `共通ID ${JSON.stringify(id)}: ${commonIdProblemText[problem]}`;
}
