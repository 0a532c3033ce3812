/**
 * SMTP through nodemailer (BOSAI_SMTP_URL, BOSAI_MAIL_FROM), pooled so a big send reuses a few
 * connections. Addresses are never logged: errors carry the SMTP code only.
 */
import nodemailer from 'nodemailer';
import type { Mail } from '#lib/notify/mail.ts';

export interface Mailer {
	send(to: string, mail: Mail): Promise<void>;
	close(): void;
}

export function smtpMailer(url: string, from: string, maxConnections = 4): Mailer {
	// nodemailer reads `url` next to the pool options (its types lag behind).
	const transport = nodemailer.createTransport({ url, pool: true, maxConnections } as never);
	return {
		async send(to, mail) {
			await transport.sendMail({
				from,
				to,
				subject: mail.subject,
				text: mail.text,
				html: mail.html,
				headers: mail.headers
			});
		},
		close() {
			transport.close();
		}
	};
}
