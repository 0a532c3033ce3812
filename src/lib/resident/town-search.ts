/**
 * 町丁目 search as residents type it: 「岩戸南4」, 「いわどみなみ」 is not possible (the open data
 * has no readings), but full-width or half-width digits, 「4丁目」 or 「四丁目」, spaces and 「狛江市」
 * in front all find 岩戸南四丁目. Names that start with the query come first, then names that
 * contain it, each in the list's own order.
 */
const kanjiDigits = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Arabic numbers as 丁目 are written in Komae's names (1–99: 十, 十一, 二十 …). */
function kanjiNumber(value: number): string {
	if (value < 10) return kanjiDigits[value]!;
	const tens = Math.floor(value / 10);
	const ones = value % 10;
	return `${tens === 1 ? '' : kanjiDigits[tens]}十${ones ? kanjiDigits[ones] : ''}`;
}

export function normalizeTownQuery(text: string): string {
	return text
		.normalize('NFKC')
		.replace(/\s+/g, '')
		.replace(/^(東京都)?狛江市/, '')
		.replace(/\d{1,2}/g, (digits) => kanjiNumber(Number(digits)));
}

export function searchTowns(names: readonly string[], query: string, limit = 8): string[] {
	const wanted = normalizeTownQuery(query);
	if (!wanted) return [];
	const starts = names.filter((name) => name.startsWith(wanted));
	const contains = names.filter((name) => !name.startsWith(wanted) && name.includes(wanted));
	return [...starts, ...contains].slice(0, limit);
}
