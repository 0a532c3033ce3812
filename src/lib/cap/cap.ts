/**
 * CAP 1.2 (OASIS Common Alerting Protocol) messages for our evacuation alerts. Pure TS: the route
 * /api/alerts/:id.cap only loads the alert and calls `buildCapMessage`.
 * One `<info>` per language the alert has a text for (Japanese always), each with the same area.
 */
import type { Alert } from '../domain/alert.ts';
import type { AlertLevel, Hazard } from '../domain/vocabulary.ts';
import { isLocale, type Locale } from '../i18n/locales.ts';
import { translate } from '../i18n/translate.ts';
import { capTime } from './time.ts';
import { element, escapeXml } from './xml.ts';

export const capNamespace = 'urn:oasis:names:tc:emergency:cap:1.2';
export const capContentType = 'application/cap+xml';
/** Our area value meaning "the whole city" (DESIGN.md alert body). */
export const wholeCity = 'all';

export interface CapContext {
	/** CAP sender: no spaces, commas, "<" or "&" (e.g. `hq@bosai.example.jp`). */
	sender: string;
	/** 全国地方公共団体コード with check digit (狛江市: 132195). */
	cityCode: string;
	/** Public origin of the site, for `<web>` (no trailing slash). */
	origin: string;
	/** The city boundary ring as [lon, lat] pairs, for whole-city alerts; null when unknown. */
	boundary: [number, number][] | null;
}

export type CapMessageKind = 'alert' | 'cancel';

/** Urgency, severity, certainty of each 警戒レベル (see README "Disaster HQ" for the reasoning). */
export const levelMapping: Record<
	AlertLevel,
	{ urgency: string; severity: string; certainty: string; response: string }
> = {
	3: { urgency: 'Expected', severity: 'Severe', certainty: 'Likely', response: 'Evacuate' },
	4: { urgency: 'Immediate', severity: 'Severe', certainty: 'Likely', response: 'Evacuate' },
	5: { urgency: 'Immediate', severity: 'Extreme', certainty: 'Observed', response: 'Shelter' }
};

/** CAP category per hazard: weather-driven water is Met, ground and sea movement Geo, fire Fire. */
export const hazardCategory: Record<Hazard, string> = {
	flood: 'Met',
	inland_flood: 'Met',
	storm_surge: 'Met',
	landslide: 'Geo',
	earthquake: 'Geo',
	tsunami: 'Geo',
	volcano: 'Geo',
	large_fire: 'Fire'
};

export function capIdentifier(context: CapContext, alertId: string, kind: CapMessageKind): string {
	return `bosai-map.${context.cityCode}.alert.${alertId}${kind === 'cancel' ? '.cancel' : ''}`;
}

/** `<polygon>` text: "lat,lon" pairs, closed (first = last), at least 4 pairs (CAP 1.2 §3.2.4). */
export function capPolygon(ring: [number, number][]): string {
	const pairs = ring.map(([lon, lat]) => `${round(lat)},${round(lon)}`);
	if (pairs.length > 0 && pairs[0] !== pairs[pairs.length - 1]) pairs.push(pairs[0]!);
	if (pairs.length < 4) throw new RangeError('a CAP polygon needs at least 4 points');
	return pairs.join(' ');
}

function round(value: number): string {
	return String(Math.round(value * 1e6) / 1e6);
}

function messageText(locale: Locale, key: string, values?: Record<string, string | number>) {
	return translate(locale, key, values);
}

/** The alert's languages, Japanese first, in our locale order. */
export function alertLanguages(alert: Pick<Alert, 'text'>): Locale[] {
	const given = Object.keys(alert.text).filter(isLocale);
	return (['ja', 'ja-x-easy', 'en', 'zh-Hans', 'ko'] as const).filter((l) => given.includes(l));
}

export function areaDescription(areas: readonly string[], locale: Locale): string {
	return areas.includes(wholeCity)
		? messageText(locale, 'hq.cap.whole_city')
		: areas.join(locale === 'ja' || locale === 'ja-x-easy' || locale === 'zh-Hans' ? '、' : ', ');
}

function areaXml(alert: Alert, locale: Locale, context: CapContext): string[] {
	const lines = ['\t\t<area>', element('areaDesc', areaDescription(alert.areas, locale), '\t\t\t')];
	const whole = alert.areas.includes(wholeCity);
	if (whole && context.boundary) lines.push(element('polygon', capPolygon(context.boundary), '\t\t\t'));
	lines.push(geocode('JP-LocalGovernmentCode', context.cityCode));
	if (!whole) for (const town of alert.areas) lines.push(geocode('JP-Chochome', town));
	lines.push('\t\t</area>');
	return lines;
}

function geocode(name: string, value: string): string {
	return `\t\t\t<geocode>${element('valueName', name)}${element('value', value)}</geocode>`;
}

function infoXml(alert: Alert, locale: Locale, kind: CapMessageKind, context: CapContext) {
	const map = levelMapping[alert.level];
	const values = {
		level: alert.level,
		levelName: messageText(locale, `domain.level.${alert.level}`),
		hazard: messageText(locale, `domain.hazard.${alert.hazard}`),
		drill: alert.drill ? messageText(locale, 'hq.cap.drill_prefix') : ''
	};
	const cancel = kind === 'cancel';
	const lines = [
		'\t<info>',
		element('language', locale, '\t\t'),
		element('category', hazardCategory[alert.hazard], '\t\t'),
		element('event', messageText(locale, 'hq.cap.event', values), '\t\t'),
		element('responseType', cancel ? 'AllClear' : map.response, '\t\t'),
		element('urgency', cancel ? 'Past' : map.urgency, '\t\t'),
		element('severity', cancel ? 'Minor' : map.severity, '\t\t'),
		element('certainty', cancel ? 'Observed' : map.certainty, '\t\t'),
		`\t\t<eventCode>${element('valueName', 'JP-EvacuationAlertLevel')}${element('value', alert.level)}</eventCode>`
	];
	if (!cancel && alert.expires_at) lines.push(element('expires', capTime(alert.expires_at), '\t\t'));
	lines.push(
		element('senderName', messageText(locale, 'hq.cap.sender_name'), '\t\t'),
		element(
			'headline',
			messageText(locale, cancel ? 'hq.cap.cancel_headline' : 'hq.cap.headline', values),
			'\t\t'
		),
		element('description', alert.text[locale] ?? alert.text.ja ?? '', '\t\t'),
		element('web', `${context.origin}/`, '\t\t'),
		...areaXml(alert, locale, context),
		'\t</info>'
	);
	return lines;
}

/**
 * The CAP message of an alert. `kind: 'cancel'` needs `alert.cancelled_at` and references the
 * original message (sender,identifier,sent).
 */
export function buildCapMessage(alert: Alert, context: CapContext, kind: CapMessageKind): string {
	if (kind === 'cancel' && !alert.cancelled_at) throw new Error('alert is not cancelled');
	const sent = capTime(kind === 'cancel' ? alert.cancelled_at! : alert.issued_at);
	const lines = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<alert xmlns="${capNamespace}">`,
		element('identifier', capIdentifier(context, alert.id, kind), '\t'),
		element('sender', context.sender, '\t'),
		element('sent', sent, '\t'),
		element('status', alert.drill ? 'Exercise' : 'Actual', '\t'),
		element('msgType', kind === 'cancel' ? 'Cancel' : 'Alert', '\t'),
		element('scope', 'Public', '\t')
	];
	if (alert.drill) lines.push(element('note', messageText('ja', 'hq.cap.drill_note'), '\t'));
	if (kind === 'cancel') {
		const original = [
			context.sender,
			capIdentifier(context, alert.id, 'alert'),
			capTime(alert.issued_at)
		].join(',');
		lines.push(element('references', original, '\t'));
	}
	for (const locale of alertLanguages(alert)) lines.push(...infoXml(alert, locale, kind, context));
	lines.push('</alert>', '');
	return lines.join('\n');
}

/** The message an alert's URL serves now: its Cancel once cancelled, else the Alert. */
export function currentCapKind(alert: Pick<Alert, 'cancelled_at'>): CapMessageKind {
	return alert.cancelled_at ? 'cancel' : 'alert';
}

/** A CAP sender from the site's host name: CAP forbids spaces, commas, "<" and "&". */
export function capSender(host: string): string {
	return `hq@${host.replace(/[\s,<&]/g, '')}`;
}

export { escapeXml };
