/**
 * A real SMTP server on loopback (npm smtp-server) that keeps every mail parsed (mailparser), and
 * answers a permanent 550 for addresses a test names — like a receiving server refusing a
 * mailbox that does not exist.
 */
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
	url: string;
	mails: ParsedMail[];
	/** Recipients refused with 550 at RCPT TO. */
	refuse: Set<string>;
	waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
	close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
	const mails: ParsedMail[] = [];
	const refuse = new Set<string>();
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		// A pooled client (nodemailer) keeps its connection open: close it after 1 s, not 30 s.
		closeTimeout: 1000,
		onRcptTo(address, _session, callback) {
			if (refuse.has(address.address.toLowerCase())) {
				const error = new Error('5.1.1 mailbox unavailable') as Error & { responseCode: number };
				error.responseCode = 550;
				callback(error);
				return;
			}
			callback();
		},
		onData(stream, _session, callback) {
			simpleParser(stream)
				.then((mail) => {
					mails.push(mail);
					callback();
				})
				.catch((error: Error) => callback(error));
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `smtp://127.0.0.1:${port}`,
		mails,
		refuse,
		async waitFor(count, timeoutMs = 15_000) {
			const until = Date.now() + timeoutMs;
			while (mails.length < count) {
				if (Date.now() > until) throw new Error(`expected ${count} mails, got ${mails.length}`);
				await new Promise((r) => setTimeout(r, 25));
			}
			return mails;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
