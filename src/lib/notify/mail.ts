/**
 * The e-mails: an alert (or its 解除) and the double opt-in confirmation, as plain text plus a
 * simple HTML part, in the subscriber's language. Every alert mail carries a one-click
 * unsubscribe (RFC 8058: List-Unsubscribe + List-Unsubscribe-Post) and a "change my areas" link.
 * Absolute links need the public origin, passed in (the server decides it, not the request).
 * Tokens travel in the URL fragment for pages (never sent to a server log) and in the query
 * only for the one-click POST, which mail providers make without running scripts.
 */
import { isLocale, type Locale } from '../i18n/locales.ts';
import { translate } from '../i18n/translate.ts';
import {
	type AlertVersion,
	type DeliveryAlert,
	alertText,
	areasLabel,
	concernedAreas,
	levelName
} from './payload.ts';

export interface Mail {
	subject: string;
	text: string;
	html: string;
	headers: Record<string, string>;
}

export interface MailLinks {
	manage: string;
	unsubscribe: string;
}

export function mailLinks(origin: string, manageToken: string): MailLinks {
	return {
		manage: `${origin}/notify/manage#token=${manageToken}`,
		unsubscribe: `${origin}/api/notify/unsubscribe?token=${manageToken}`
	};
}

export function confirmLink(origin: string, confirmToken: string): string {
	return `${origin}/notify/confirm#token=${confirmToken}`;
}

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Plain paragraphs → a minimal HTML document; URLs become links (already escaped). */
export function htmlOf(locale: Locale, paragraphs: string[]): string {
	const body = paragraphs
		.map((p) =>
			escapeHtml(p)
				.replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>')
				.replace(/\n/g, '<br>')
		)
		.map((p) => `<p>${p}</p>`)
		.join('\n');
	return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"></head><body>${body}</body></html>`;
}

export function localeOf(value: string): Locale {
	return isLocale(value) ? value : 'ja';
}

/**
 * Subject: always starts with the Japanese 【狛江市】警戒レベル4 避難指示 (how residents and mail
 * filters recognise the city's alerts), then the subscriber's language when it is not Japanese.
 */
export function alertSubject(locale: Locale, alert: DeliveryAlert, version: AlertVersion): string {
	const ja = translate('ja', 'notify.mail.subject', {
		city: translate('ja', 'notify.city'),
		levelName: levelName('ja', alert.level)
	});
	const local = locale === 'ja' ? '' : ` / ${levelName(locale, alert.level)}`;
	const tags = [
		version === 2 ? translate(locale, 'notify.cancelled') : null,
		alert.drill ? translate(locale, 'notify.drill') : null
	].filter(Boolean);
	return `${ja}${local}${tags.length ? `（${tags.join('・')}）` : ''}`;
}

export function alertMail(
	alert: DeliveryAlert,
	options: {
		locale: string;
		subscriberAreas: readonly string[];
		version: AlertVersion;
		origin: string;
		manageToken: string;
	}
): Mail {
	const locale = localeOf(options.locale);
	const city = translate(locale, 'notify.city');
	const links = mailLinks(options.origin, options.manageToken);
	const areas = areasLabel(locale, concernedAreas(alert.areas, options.subscriberAreas));
	const time = new Intl.DateTimeFormat(locale === 'ja-x-easy' ? 'ja' : locale, {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'Asia/Tokyo'
	}).format(new Date(alert.issued_at));
	const paragraphs = [
		translate(locale, options.version === 2 ? 'notify.mail.cancelled_intro' : 'notify.mail.intro', { city }),
		`${alert.drill ? `【${translate(locale, 'notify.drill')}】` : ''}${levelName(locale, alert.level)}\n` +
			`${translate(locale, 'notify.push.areas', { areas })}\n${translate(locale, 'notify.mail.issued', { time })}`,
		options.version === 2 ? translate(locale, 'notify.push.cancelled_body') : alertText(alert, locale),
		[
			translate(locale, 'notify.mail.details', { url: `${options.origin}/?alert=${alert.id}` }),
			translate(locale, 'notify.mail.cap', { url: `${options.origin}/api/alerts/${alert.id}.cap` })
		].join('\n'),
		[
			translate(locale, 'notify.mail.manage', { url: links.manage }),
			translate(locale, 'notify.mail.unsubscribe', { url: links.unsubscribe }),
			translate(locale, 'notify.mail.footer', { city })
		].join('\n')
	];
	return {
		subject: alertSubject(locale, alert, options.version),
		text: paragraphs.join('\n\n'),
		html: htmlOf(locale, paragraphs),
		headers: unsubscribeHeaders(links)
	};
}

export function unsubscribeHeaders(links: MailLinks): Record<string, string> {
	return {
		'List-Unsubscribe': `<${links.unsubscribe}>`,
		'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
	};
}

/** The double opt-in mail, or — for an address already confirmed — its manage link. */
export function confirmationMail(options: {
	locale: string;
	origin: string;
	confirmToken: string | null;
	manageToken: string;
	alreadyConfirmed: boolean;
}): Mail {
	const locale = localeOf(options.locale);
	const city = translate(locale, 'notify.city');
	const links = mailLinks(options.origin, options.manageToken);
	const paragraphs =
		options.alreadyConfirmed || !options.confirmToken
			? [
					translate(locale, 'notify.mail.already_body'),
					translate(locale, 'notify.mail.manage', { url: links.manage }),
					translate(locale, 'notify.mail.confirm_ignore')
				]
			: [
					translate(locale, 'notify.mail.confirm_body'),
					translate(locale, 'notify.mail.confirm_link', {
						url: confirmLink(options.origin, options.confirmToken)
					}),
					translate(locale, 'notify.mail.confirm_ignore')
				];
	return {
		subject: translate(
			locale,
			options.alreadyConfirmed ? 'notify.mail.already_subject' : 'notify.mail.confirm_subject',
			{ city }
		),
		text: paragraphs.join('\n\n'),
		html: htmlOf(locale, paragraphs),
		headers: unsubscribeHeaders(links)
	};
}
