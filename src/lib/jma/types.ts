/** What the parser keeps of one JMA telegram, for 狛江市. Names and texts are JMA's, unaltered. */

export type JmaFamily = 'warning' | 'landslide' | 'flood' | 'heavy_rain' | 'tornado' | 'quake' | 'eew';

export interface JmaStation {
	code: string;
	name: string;
	/** 現況 water level in m (null when 欠測 or absent). */
	waterLevel: number | null;
	/** 現況 level (レベル0–5) as the telegram states it. */
	level: number | null;
}

export interface JmaItem {
	/** JMA's own name, e.g. 「レベル３大雨警報」, 「大雨注意報」, 「氾濫危険情報」, 「震度２」. */
	name: string;
	code: string;
	/** JMA's status word: 発表, 継続, 解除, 特別警報から警報, … or the 震度. */
	status: string;
	/** Whether this item is in effect for 狛江市 by this telegram. */
	active: boolean;
	/** 警戒レベル相当 (2–5) when JMA's telegram or correspondence table gives one. */
	level: number | null;
	/** Where `level` comes from: the telegram's own Significancy, or JMA's published correspondence. */
	levelSource: 'telegram' | 'table' | null;
	area: { code: string; name: string };
	stations?: JmaStation[];
}

export interface ParsedTelegram {
	controlTitle: string;
	/** 通常, 訓練 or 試験: only 通常 is ever "in effect". */
	controlStatus: string;
	publishingOffice: string;
	headTitle: string;
	reportDateTime: string;
	validDateTime: string | null;
	eventId: string;
	/** 発表, 訂正 or 取消 */
	infoType: string;
	serial: number | null;
	infoKind: string;
	infoKindVersion: string;
	headline: string;
	/** null: a kind this app does not read (VPWW53, VXSE52, VXSE45, VPNO50, …). */
	family: JmaFamily | null;
	/** The series whose latest telegram decides what is in effect; null when Komae is not in it. */
	stream: string | null;
	/** The items that concern 狛江市 (empty when Komae is named with nothing issued). */
	items: JmaItem[];
	/** Highest 警戒レベル相当 of the active items. */
	level: number | null;
	/** When the information lapses by itself (竜巻注意情報's ValidDateTime, …); null: until replaced. */
	validUntil: string | null;
	/** Same telegram however it arrives (feed, POST, drop folder). */
	dedupeKey: string;
}
