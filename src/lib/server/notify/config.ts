/**
 * Notification settings from the environment (docs/notifications.md):
 * - BOSAI_SMTP_URL (smtp:// or smtps://) and BOSAI_MAIL_FROM: e-mail is offered only with both,
 *   and only with BOSAI_PUBLIC_ORIGIN (mails need absolute links);
 * - BOSAI_PUSH_HOSTS: extra push service hosts to post to (comma-separated);
 * - BOSAI_PUSH_LOOPBACK_HTTP=1: tests only — an https://127.0.0.1:<port>/ endpoint is posted over
 *   plain http to a loopback mock push service (the vendors' services are https-only).
 * - BOSAI_DELIVERY=off: no delivery worker in this process (e.g. when `npm run deliver` runs it).
 */
export interface NotifyConfig {
	smtpUrl: string | null;
	mailFrom: string | null;
	origin: string | null;
	pushHosts: string[];
	loopbackHttp: boolean;
	worker: boolean;
}

export function notifyConfig(env = process.env): NotifyConfig {
	const origin = env.BOSAI_PUBLIC_ORIGIN?.replace(/\/+$/, '') || null;
	return {
		smtpUrl: env.BOSAI_SMTP_URL || null,
		mailFrom: env.BOSAI_MAIL_FROM || null,
		origin,
		pushHosts: (env.BOSAI_PUSH_HOSTS ?? '')
			.split(',')
			.map((h) => h.trim())
			.filter(Boolean),
		loopbackHttp: env.BOSAI_PUSH_LOOPBACK_HTTP === '1',
		worker: env.BOSAI_DELIVERY !== 'off'
	};
}

/** E-mail is offered to residents only when it can really be sent. */
export function mailEnabled(config: NotifyConfig): boolean {
	return Boolean(config.smtpUrl && config.mailFrom && config.origin);
}
