/**
 * Parses one 防災情報XML telegram strictly (well-formed, a Report with Control and Head, known
 * InfoType, a real ReportDateTime) and keeps what concerns 狛江市. The same hazard appears in
 * several families; we read one per hazard: VPWW54/R06 warnings (not VPWW53), VXSE51/53 (not
 * VXSE52, which has no intensity), VXSE43 (not the 地震動予報 VXSE45).
 */
import { bulletinTagItems } from './bulletin.ts';
import { floodItems } from './flood.ts';
import { komae } from './komae.ts';
import { eewItems, quakeItems } from './quake.ts';
import type { JmaFamily, JmaItem, ParsedTelegram } from './types.ts';
import { bulletinItems, landslideItems, warningItems } from './warnings.ts';
import { first, JmaXmlError, parseXml, text, type XmlNode } from './xml.ts';

export { JmaXmlError };

const infoTypes = new Set(['発表', '訂正', '取消']);
const statuses = new Set(['通常', '訓練', '試験']);
/** How long information that is never lifted stays "in effect" (our choice, see docs/jma.md). */
const lapse = { heavy_rain: 60, eew: 10, quake: 24 * 60 } as const;

interface FamilyResult {
	family: JmaFamily | null;
	stream: string | null;
	items: JmaItem[];
}

function readFamily(
	controlTitle: string,
	headTitle: string,
	head: XmlNode | undefined,
	body: XmlNode | undefined
): FamilyResult {
	const none: FamilyResult = { family: null, stream: null, items: [] };
	const ofArea = (family: JmaFamily, key: string, r: { items: JmaItem[]; named: boolean }) => ({
		family,
		stream: r.named ? key : null,
		items: r.items
	});
	if (controlTitle === '気象警報・注意報（Ｈ２７）') {
		return ofArea('warning', 'warning:h27', warningItems(body, 'h27'));
	}
	const r06 = /^気象警報・注意報（Ｒ０６）（(.+)）$/.exec(controlTitle);
	if (r06) return ofArea('warning', `warning:r06:${r06[1]}`, warningItems(body, 'r06'));
	if (controlTitle === '土砂災害警戒情報') return ofArea('landslide', 'landslide', landslideItems(body));
	if (controlTitle === '竜巻注意情報' || controlTitle === '竜巻注意情報（目撃情報付き）') {
		return ofArea('tornado', 'tornado', bulletinItems(body, /^竜巻注意情報/));
	}
	if (controlTitle === '記録的短時間大雨情報') {
		return ofArea('heavy_rain', 'heavy_rain', bulletinItems(body, /^記録的短時間大雨情報/));
	}
	if (controlTitle === '府県気象防災速報') {
		const items = bulletinTagItems(head);
		return { family: 'heavy_rain', stream: items.length ? 'heavy_rain' : null, items };
	}
	if (controlTitle === '指定河川洪水予報') {
		const { items, river } = floodItems(head, body);
		return { family: 'flood', stream: river ? `flood:${river}` : null, items };
	}
	if (controlTitle === '震度速報' || controlTitle === '震源・震度に関する情報') {
		const items = quakeItems(body);
		return { family: 'quake', stream: items.length ? 'quake' : null, items };
	}
	if (controlTitle === '緊急地震速報（警報）') {
		const items = eewItems(head);
		return { family: 'eew', stream: items.length ? 'eew' : null, items };
	}
	void headTitle;
	return none;
}

function isoDateTime(value: string, what: string): string {
	if (
		!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) ||
		Number.isNaN(Date.parse(value))
	) {
		throw new JmaXmlError(`${what} is not a date-time: ${JSON.stringify(value)}`);
	}
	return value;
}

function addMinutes(iso: string, minutes: number): string {
	return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

export function parseTelegram(xml: string): ParsedTelegram {
	const report = first(parseXml(xml), 'Report');
	const control = first(report, 'Control');
	const head = first(report, 'Head');
	const body = first(report, 'Body');
	if (!report || !control || !head) throw new JmaXmlError('not a JMA Report (Control and Head required)');
	const controlTitle = text(control, 'Title');
	const controlStatus = text(control, 'Status');
	const infoType = text(head, 'InfoType');
	if (!controlTitle) throw new JmaXmlError('Control/Title is empty');
	if (!statuses.has(controlStatus))
		throw new JmaXmlError(`unknown Control/Status ${JSON.stringify(controlStatus)}`);
	if (!infoTypes.has(infoType)) throw new JmaXmlError(`unknown Head/InfoType ${JSON.stringify(infoType)}`);
	const reportDateTime = isoDateTime(text(head, 'ReportDateTime'), 'Head/ReportDateTime');
	const serialText = text(head, 'Serial');
	if (serialText !== '' && !/^\d{1,9}$/.test(serialText))
		throw new JmaXmlError('Head/Serial is not a number');
	const valid = text(head, 'ValidDateTime');
	const headTitle = text(head, 'Title');

	const { family, stream, items } = readFamily(controlTitle, headTitle, head, body);
	const levels = items.filter((i) => i.active && i.level !== null).map((i) => i.level as number);
	const lapseMinutes = family && family in lapse ? lapse[family as keyof typeof lapse] : null;
	const validUntil = valid
		? isoDateTime(valid, 'Head/ValidDateTime')
		: lapseMinutes
			? addMinutes(reportDateTime, lapseMinutes)
			: null;
	const eventId = text(head, 'EventID');
	const publishingOffice = text(control, 'PublishingOffice');
	return {
		controlTitle,
		controlStatus,
		publishingOffice,
		headTitle,
		reportDateTime,
		validDateTime: valid || null,
		eventId,
		infoType,
		serial: serialText === '' ? null : Number(serialText),
		infoKind: text(head, 'InfoKind'),
		infoKindVersion: text(head, 'InfoKindVersion'),
		headline: text(first(head, 'Headline'), 'Text'),
		family,
		stream,
		items,
		level: levels.length ? Math.max(...levels) : null,
		validUntil,
		dedupeKey: [
			controlTitle,
			publishingOffice,
			headTitle,
			eventId,
			serialText,
			infoType,
			reportDateTime,
			controlStatus
		].join('|')
	};
}

/** Whether the telegram is Komae's at all (feeds and drops keep only these). */
export function concernsKomae(telegram: ParsedTelegram): boolean {
	return telegram.stream !== null;
}

export { komae };
