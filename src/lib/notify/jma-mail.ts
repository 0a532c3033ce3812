/**
 * The e-mail of a 「気象警報も受け取る」 event: subject 【気象庁の発表】<JMA's title>（狛江市）, never
 * 【狛江市】 (that prefix is the city's 避難情報); JMA's headline unaltered, the report time, that it is
 * not the city's 避難情報, the citation, and the same manage / one-click unsubscribe links as alert
 * mails.
 */
import { translate } from '../i18n/translate.ts';
import { type JmaDeliveryEvent, jmaBodyLines } from './jma-payload.ts';
import { type Mail, htmlOf, localeOf, mailLinks, unsubscribeHeaders } from './mail.ts';

export function jmaSubject(event: Pick<JmaDeliveryEvent, 'title' | 'ended'>): string {
	const subject = translate('ja', 'notify.jma.mail_subject', { title: event.title });
	return event.ended ? `${subject}（${translate('ja', 'notify.cancelled')}）` : subject;
}

export function jmaMail(
	event: JmaDeliveryEvent,
	options: { locale: string; origin: string; manageToken: string }
): Mail {
	const locale = localeOf(options.locale);
	const links = mailLinks(options.origin, options.manageToken);
	const time = new Intl.DateTimeFormat(locale === 'ja-x-easy' ? 'ja' : locale, {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'Asia/Tokyo'
	}).format(new Date(event.report_at));
	const [text, notCity, citation] = jmaBodyLines(locale, event, true);
	const paragraphs = [
		translate(locale, 'notify.jma.mail_intro'),
		`${event.title}\n${translate(locale, 'jma.reported_at', { time })}`,
		text,
		`${notCity}\n${translate(locale, 'notify.mail.details', { url: `${options.origin}/` })}`,
		[
			translate(locale, 'notify.mail.manage', { url: links.manage }),
			translate(locale, 'notify.mail.unsubscribe', { url: links.unsubscribe }),
			translate(locale, 'notify.mail.footer', { city: translate(locale, 'notify.city') })
		].join('\n'),
		citation
	];
	return {
		subject: jmaSubject(event),
		text: paragraphs.join('\n\n'),
		html: htmlOf(locale, paragraphs),
		headers: unsubscribeHeaders(links)
	};
}
