/** The publishing municipality written into the standard columns. */
export interface CsvCity {
	/** 全国地方公共団体コード with check digit. */
	code: string;
	prefecture: string;
	name: string;
}

export const komae: CsvCity = { code: '132195', prefecture: '東京都', name: '狛江市' };

/** UTF-8 byte order mark: Excel reads a CSV as UTF-8 only when it starts with one. */
export const bom = '\uFEFF';
