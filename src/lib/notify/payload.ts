/**
 * What a push notification says, built per subscriber on the server: the level's name and
 * official colour (内閣府「避難情報に関するガイドライン」: L5 #0C000C, L4 #AA00AA, L3 #FF2800), the
 * subscriber's areas the alert covers, and the first lines of the text, in the subscriber's
 * language. The service worker shows it as is. A push message carries at most ~4 KB, so the
 * text is cut and only the subscriber's own locale travels.
 */
import { isLocale, type Locale } from '../i18n/locales.ts';
import { translate } from '../i18n/translate.ts';

/** The alert as the worker reads it (public columns only). */
export interface DeliveryAlert {
	id: string;
	level: 3 | 4 | 5;
	hazard: string;
	areas: string[];
	text: Partial<Record<Locale, string>>;
	issued_at: string;
	expires_at: string | null;
	cancelled_at: string | null;
	references_id: string | null;
	drill: boolean;
}

export const levelColors: Record<3 | 4 | 5, string> = { 5: '#0C000C', 4: '#AA00AA', 3: '#FF2800' };

/** version 1 = issued, 2 = cancelled (notify.deliveries.version). */
export type AlertVersion = 1 | 2;

export interface PushPayload {
	v: 1;
	alert_id: string;
	/** Notification tag: the alert id, so a re-send or a cancellation replaces, never doubles. */
	tag: string;
	version: AlertVersion;
	cancelled: boolean;
	level: 3 | 4 | 5;
	drill: boolean;
	locale: Locale;
	title: string;
	body: string;
	color: string;
	icon: string;
	require_interaction: boolean;
	/** Where a click opens the app: `/?alert=<id>` brings that alert into view and focuses it. */
	url: string;
	/** The alert this one updates: its notification is closed. */
	replaces: string | null;
	/** A reduced copy the service worker writes to the resident's cache for offline use. */
	alert: DeliveryAlert;
}

const maxAreasShown = 5;
const maxLines = 3;
const maxBodyChars = 240;

/** The first `maxLines` non-empty lines, at most `maxChars` characters (… when cut). */
export function firstLines(text: string, lines = maxLines, maxChars = maxBodyChars): string {
	const kept = text
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter(Boolean)
		.slice(0, lines)
		.join('\n');
	const chars = [...kept];
	return chars.length > maxChars ? `${chars.slice(0, maxChars - 1).join('')}…` : kept;
}

/** The areas of the alert that concern this subscriber (all the alert's when they chose 市内全域). */
export function concernedAreas(alertAreas: readonly string[], subscriberAreas: readonly string[]): string[] {
	if (alertAreas.includes('all')) return ['all'];
	if (subscriberAreas.includes('all')) return [...alertAreas];
	return alertAreas.filter((area) => subscriberAreas.includes(area));
}

export function areasLabel(locale: Locale, areas: readonly string[]): string {
	if (areas.includes('all')) return translate(locale, 'notify.all_areas');
	const shown = areas.slice(0, maxAreasShown).join('、');
	const more = areas.length - maxAreasShown;
	return more > 0 ? `${shown} ${translate(locale, 'notify.more_areas', { count: more })}` : shown;
}

export function levelName(locale: Locale, level: 3 | 4 | 5): string {
	return translate(locale, `domain.level.${level}`);
}

/** The alert's text in `locale`, else Japanese. */
export function alertText(alert: Pick<DeliveryAlert, 'text'>, locale: Locale): string {
	return alert.text[locale] ?? alert.text.ja ?? '';
}

export function pushTitle(locale: Locale, alert: DeliveryAlert, version: AlertVersion): string {
	const name = levelName(locale, alert.level);
	const title = translate(locale, version === 2 ? 'notify.push.title_cancelled' : 'notify.push.title', {
		levelName: name
	});
	return alert.drill ? translate(locale, 'notify.push.title_drill', { levelName: title }) : title;
}

export function pushPayload(
	alert: DeliveryAlert,
	options: {
		locale: string;
		subscriberAreas: readonly string[];
		version: AlertVersion;
		replaces?: string | null;
	}
): PushPayload {
	const locale: Locale = isLocale(options.locale) ? options.locale : 'ja';
	const areas = concernedAreas(alert.areas, options.subscriberAreas);
	const cancelled = options.version === 2;
	const areaLine = translate(locale, 'notify.push.areas', { areas: areasLabel(locale, areas) });
	const text = cancelled
		? translate(locale, 'notify.push.cancelled_body')
		: firstLines(alertText(alert, locale));
	return fitted({
		v: 1,
		alert_id: alert.id,
		tag: alert.id,
		version: options.version,
		cancelled,
		level: alert.level,
		drill: alert.drill,
		locale,
		title: pushTitle(locale, alert, options.version),
		body: `${areaLine}\n${text}`,
		color: levelColors[alert.level],
		icon: `/notify/level-${alert.level}.png`,
		// Level 4–5 stay on screen until the resident acts; a cancellation need not.
		require_interaction: !cancelled && alert.level >= 4,
		url: `/?alert=${encodeURIComponent(alert.id)}`,
		replaces: options.replaces ?? null,
		alert: {
			...alert,
			areas: areas.includes('all') ? ['all'] : areas.slice(0, 20),
			text: { [locale]: firstLines(alertText(alert, locale), 20, 1000) }
		}
	});
}

/** Push services accept ~4 KB of encrypted payload; keep the JSON under this many bytes. */
export const maxPayloadBytes = 3500;

/** Halves the cached copy's areas, then its text, until the payload fits one push message. */
function fitted(payload: PushPayload): PushPayload {
	const size = (p: PushPayload) => new TextEncoder().encode(JSON.stringify(p)).length;
	let current = payload;
	while (size(current) > maxPayloadBytes) {
		const { areas, text } = current.alert;
		const [locale, body = ''] = Object.entries(text)[0] ?? ['ja', ''];
		if (areas.length > 1) {
			current = {
				...current,
				alert: { ...current.alert, areas: areas.slice(0, Math.ceil(areas.length / 2)) }
			};
		} else if (body.length > 40) {
			const cut = [...body].slice(0, Math.floor([...body].length / 2)).join('');
			current = { ...current, alert: { ...current.alert, text: { [locale]: `${cut}…` } } };
		} else {
			break;
		}
	}
	return current;
}

/** RFC 8030 §5.4 Topic: at most 32 base64url characters; the alert id without dashes fits. */
export function pushTopic(alertId: string): string {
	return alertId.replace(/-/g, '').slice(0, 32);
}
