/**
 * Atom (RFC 4287) feed of the current alerts, each entry linking to its CAP message with
 * type="application/cap+xml" — the shape public alert aggregators poll.
 */
import type { Alert } from '../domain/alert.ts';
import { translate } from '../i18n/translate.ts';
import { areaDescription, capContentType } from './cap.ts';
import { element, escapeXml } from './xml.ts';

/** An alert is current while it is neither cancelled nor past its expiry. */
export function isCurrentAlert(alert: Pick<Alert, 'cancelled_at' | 'expires_at'>, now: Date): boolean {
	if (alert.cancelled_at) return false;
	return !alert.expires_at || Date.parse(alert.expires_at) > now.getTime();
}

export interface AtomContext {
	origin: string;
	/** Feed id: a stable IRI of this city's feed. */
	feedId: string;
	now: Date;
}

/** RFC 3339 without fractions. */
function atomTime(iso: string | Date): string {
	const date = typeof iso === 'string' ? new Date(iso) : iso;
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function capUrl(origin: string, id: string): string {
	return `${origin}/api/alerts/${encodeURIComponent(id)}.cap`;
}

function entryXml(alert: Alert, context: AtomContext): string[] {
	const values = {
		level: alert.level,
		levelName: translate('ja', `domain.level.${alert.level}`),
		hazard: translate('ja', `domain.hazard.${alert.hazard}`),
		drill: alert.drill ? translate('ja', 'hq.cap.drill_prefix') : ''
	};
	return [
		'\t<entry>',
		element('id', `urn:uuid:${alert.id}`, '\t\t'),
		element('title', translate('ja', 'hq.cap.headline', values), '\t\t'),
		element('updated', atomTime(alert.issued_at), '\t\t'),
		element('published', atomTime(alert.issued_at), '\t\t'),
		`\t\t<link rel="alternate" type="${capContentType}" href="${escapeXml(capUrl(context.origin, alert.id))}"/>`,
		element('summary', `${areaDescription(alert.areas, 'ja')}: ${alert.text.ja ?? ''}`, '\t\t'),
		`\t\t<category term="${escapeXml(alert.drill ? 'Exercise' : 'Actual')}"/>`,
		'\t</entry>'
	];
}

/** The feed; `alerts` may hold any alerts, only the current ones are listed (newest first). */
export function buildAtomFeed(alerts: readonly Alert[], context: AtomContext): string {
	const current = alerts
		.filter((alert) => isCurrentAlert(alert, context.now))
		.sort((a, b) => Date.parse(b.issued_at) - Date.parse(a.issued_at));
	const updated = current[0]?.issued_at ?? context.now;
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja">',
		element('id', context.feedId, '\t'),
		element('title', translate('ja', 'hq.atom.title'), '\t'),
		element('updated', atomTime(updated), '\t'),
		`\t<author>${element('name', translate('ja', 'hq.cap.sender_name'))}</author>`,
		`\t<link rel="self" type="application/atom+xml" href="${escapeXml(`${context.origin}/api/alerts.atom`)}"/>`,
		`\t<link rel="alternate" type="text/html" href="${escapeXml(`${context.origin}/`)}"/>`,
		...current.flatMap((alert) => entryXml(alert, context)),
		'</feed>',
		''
	].join('\n');
}
