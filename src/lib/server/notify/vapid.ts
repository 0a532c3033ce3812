/**
 * The VAPID key pair (RFC 8292) the server signs pushes with. BOSAI_VAPID_PUBLIC_KEY and
 * BOSAI_VAPID_PRIVATE_KEY (base64url, as `npx web-push generate-vapid-keys` prints) override;
 * otherwise a pair is made at first start and kept in the data dir (mode 0600), like the JWT
 * secret, so browsers' subscriptions stay valid across restarts. Never logged.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import webpush from 'web-push';

export const vapidFileName = 'vapid-keys.json';

export interface VapidKeys {
	publicKey: string;
	privateKey: string;
	/** `mailto:` or `https:` contact the push services may use (BOSAI_VAPID_SUBJECT). */
	subject: string;
}

function subjectOf(env: NodeJS.ProcessEnv): string {
	if (env.BOSAI_VAPID_SUBJECT) return env.BOSAI_VAPID_SUBJECT;
	const from = /<([^>]+)>/.exec(env.BOSAI_MAIL_FROM ?? '')?.[1] ?? env.BOSAI_MAIL_FROM;
	return from && /^[^\s@]+@[^\s@]+$/.test(from) ? `mailto:${from}` : 'mailto:bosai-map@localhost';
}

export function loadVapidKeys(dataDir: string, env = process.env): VapidKeys {
	const subject = subjectOf(env);
	if (env.BOSAI_VAPID_PUBLIC_KEY || env.BOSAI_VAPID_PRIVATE_KEY) {
		const publicKey = env.BOSAI_VAPID_PUBLIC_KEY ?? '';
		const privateKey = env.BOSAI_VAPID_PRIVATE_KEY ?? '';
		if (
			Buffer.from(publicKey, 'base64url').length !== 65 ||
			Buffer.from(privateKey, 'base64url').length !== 32
		) {
			throw new Error(
				'BOSAI_VAPID_PUBLIC_KEY / BOSAI_VAPID_PRIVATE_KEY must both be set (base64url P-256 keys)'
			);
		}
		return { publicKey, privateKey, subject };
	}
	const file = join(dataDir, vapidFileName);
	if (!existsSync(file)) {
		mkdirSync(dataDir, { recursive: true });
		try {
			writeFileSync(file, JSON.stringify(webpush.generateVAPIDKeys()), { mode: 0o600, flag: 'wx' });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
	}
	chmodSync(file, 0o600);
	const stored = JSON.parse(readFileSync(file, 'utf8')) as { publicKey?: unknown; privateKey?: unknown };
	if (typeof stored.publicKey !== 'string' || typeof stored.privateKey !== 'string') {
		throw new Error(`${file} does not hold a VAPID key pair`);
	}
	return { publicKey: stored.publicKey, privateKey: stored.privateKey, subject };
}
