/**
 * JMA's Atom pull feeds (高頻度 extra.xml / eqvol.xml, 長期 extra_l.xml / eqvol_l.xml). JMA writes
 * `<feed lang="ja">` rather than xml:lang, so a feed is read leniently: well-formed XML, any
 * attributes, entries without a usable link skipped. Only entries whose kind (the entry title =
 * Control/Title) and publishing office (author) can concern 狛江市 are followed.
 */
import { all, attr, first, parseXml, text } from './xml.ts';

export interface FeedEntry {
	id: string;
	title: string;
	author: string;
	updated: string;
	url: string;
}

/** Control/Title of every kind the parser reads. */
export const followedKinds: ReadonlySet<string> = new Set([
	'気象警報・注意報（Ｈ２７）',
	'気象警報・注意報（Ｒ０６）（大雨）',
	'気象警報・注意報（Ｒ０６）（洪水）',
	'気象警報・注意報（Ｒ０６）（土砂）',
	'気象警報・注意報（Ｒ０６）（高潮）',
	'気象警報・注意報（Ｒ０６）（風雪）',
	'気象警報・注意報（Ｒ０６）（波浪）',
	'気象警報・注意報（Ｒ０６）（その他）',
	'土砂災害警戒情報',
	'指定河川洪水予報',
	'記録的短時間大雨情報',
	'府県気象防災速報',
	'竜巻注意情報',
	'竜巻注意情報（目撃情報付き）',
	'震度速報',
	'震源・震度に関する情報',
	'緊急地震速報（警報）'
]);

/**
 * Offices that publish for 東京都: 気象庁予報部 (Tokyo's warnings, 多摩川 and 野川・仙川 with
 * 京浜河川事務所 / 東京都), 気象庁 and 気象庁本庁 (quakes, EEW, 記録的短時間大雨).
 */
const komaeOffices = new Set(['気象庁予報部', '気象庁', '気象庁本庁']);

export function parseFeed(xml: string): FeedEntry[] {
	const feed = first(parseXml(xml), 'feed');
	if (!feed) throw new Error('not an Atom feed');
	return all(feed, 'entry').flatMap((entry) => {
		const link = all(entry, 'link').find((l) => attr(l, 'href') !== '');
		const id = text(entry, 'id');
		if (!link || !id) return [];
		return [
			{
				id,
				title: text(entry, 'title'),
				author: text(first(entry, 'author'), 'name'),
				updated: text(entry, 'updated'),
				url: attr(link, 'href')
			}
		];
	});
}

export function followsEntry(entry: FeedEntry): boolean {
	if (!followedKinds.has(entry.title)) return false;
	return entry.author.split(/\s+/).some((office) => komaeOffices.has(office));
}
