import type { CityIdentity } from '../data/opendata-columns.ts';

/** The publishing municipality written into the standard columns. */
export type CsvCity = CityIdentity;

export const komae: CsvCity = { code: '132195', prefecture: '東京都', name: '狛江市' };

/** UTF-8 byte order mark: Excel reads a CSV as UTF-8 only when it starts with one. */
export const bom = '\uFEFF';
