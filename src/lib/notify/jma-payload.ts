/**
 * What a 「気象警報も受け取る」 notification says (docs/notifications.md, "JMA warnings"): JMA's own
 * title unaltered inside 「気象庁：…（狛江市）」, the first lines of JMA's headline, a line saying
 * this is not the city's 避難情報, and 「出典：気象庁ホームページ」 last. It never looks like the city's
 * alert: no level colour or level icon, no requireInteraction, tag `jma-<kind>` (a newer one of the
 * same kind replaces the older), and the click opens `/`.
 */
import { isLocale, type Locale } from '../i18n/locales.ts';
import { translate } from '../i18n/translate.ts';
import { firstLines } from './payload.ts';

/** One notify.jma_events row, as notify.jma_claimed() answers it. */
export interface JmaDeliveryEvent {
	id: number;
	/** 'warning', 'landslide' or 'flood-<river code>'. */
	kind: string;
	/** 警戒レベル相当 raised to (ended: the level that ended). */
	level: 3 | 4 | 5;
	ended: boolean;
	/** JMA's own names, unaltered. */
	title: string;
	headline: string;
	report_at: string;
}

export interface JmaPushPayload {
	v: 1;
	source: 'jma';
	event_id: number;
	kind: string;
	/** `jma-<kind>`: the notification a newer one (or its 解除) replaces. */
	tag: string;
	ended: boolean;
	locale: Locale;
	title: string;
	body: string;
	icon: string;
	url: '/';
}

/** 公共データ利用規約: JMA's information is shown with this citation, verbatim. */
export const jmaCitation = translate('ja', 'jma.source');

export function jmaTag(kind: string): string {
	return `jma-${kind}`;
}

export function jmaTitle(locale: Locale, event: Pick<JmaDeliveryEvent, 'title' | 'ended'>): string {
	return translate(locale, event.ended ? 'notify.jma.title_ended' : 'notify.jma.title', {
		title: event.title
	});
}

/** JMA's headline, whole or its first lines marked 「一部を表示」 when cut (気象業務法: unaltered). */
export function jmaText(locale: Locale, headline: string, whole: boolean): string {
	const full = firstLines(headline, Infinity, Infinity);
	if (whole) return full;
	const shown = firstLines(full);
	return shown === full ? full : `${shown}（${translate(locale, 'jma.shortened')}）`;
}

/** The body lines: JMA's text (or the 解除 line), that it is not the city's, the citation last. */
export function jmaBodyLines(
	locale: Locale,
	event: JmaDeliveryEvent,
	whole = false
): [text: string, notCity: string, citation: string] {
	const text = event.ended
		? translate(locale, 'notify.jma.ended_body')
		: jmaText(locale, event.headline, whole);
	return [text, translate(locale, 'notify.jma.not_city'), jmaCitation];
}

export function jmaPushPayload(event: JmaDeliveryEvent, localeName: string): JmaPushPayload {
	const locale: Locale = isLocale(localeName) ? localeName : 'ja';
	return {
		v: 1,
		source: 'jma',
		event_id: event.id,
		kind: event.kind,
		tag: jmaTag(event.kind),
		ended: event.ended,
		locale,
		title: jmaTitle(locale, event),
		body: jmaBodyLines(locale, event).filter(Boolean).join('\n'),
		icon: '/icons/icon-192.png',
		url: '/'
	};
}

/** RFC 8030 Topic (≤ 32 base64url characters): one per kind, so the push service replaces too. */
export function jmaPushTopic(kind: string): string {
	return `jma-${kind}`.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32);
}
