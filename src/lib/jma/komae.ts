/**
 * Komae's codes in JMA's 個別コード表 (../shared/data/jma/codes/PROVENANCE.md). Codes change
 * between table versions (the 震度観測点 狛江市和泉本町＊ was 1321930 in older telegrams and is
 * 1321931 in the 2026 table), so each list keeps every version we accept.
 */
export const komae = {
	/** 気象・地震・火山情報／市町村等 */
	city: '1321900',
	/** 市町村等をまとめた地域 多摩北部 → 一次細分 東京地方 → 府県予報区 東京都 */
	warningAreas: ['1321900', '130013', '130010', '130000'],
	prefecture: '130000',
	/** 地震情報／細分区域 東京都多摩東部 */
	quakeArea: '351',
	/** 震度観測点 狛江市和泉本町＊, current table first */
	quakeStations: ['1321931', '1321930'],
	/** 緊急地震速報／府県予報区 東京, 地方予報区 関東 */
	eewAreas: ['9131'],
	/** 指定河川洪水予報（予報区域）: 多摩川, 野川・仙川 */
	rivers: { '830305000100': '多摩川', '830305000500': '野川・仙川' } as Record<string, string>
} as const;

export const attribution = '出典：気象庁ホームページ（https://xml.kishou.go.jp/）';
