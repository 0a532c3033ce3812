/**
 * The notification parts of the server process: configuration, the VAPID keys (made at first
 * start in the data dir) and the delivery worker, started from hooks.server.ts `init` (never
 * under `vite build`) and stopped on SIGTERM/SIGINT before the database closes.
 */
import type { Database } from '../db/types.ts';
import { type NotifyConfig, mailEnabled, notifyConfig } from './config.ts';
import { smtpMailer } from './mailer.ts';
import { fetchTransport } from './push-transport.ts';
import { type VapidKeys, loadVapidKeys } from './vapid.ts';
import { DeliveryWorker } from './worker.ts';

export interface NotifySetup {
	config: NotifyConfig;
	vapid: VapidKeys;
	mail: boolean;
}

let setup: NotifySetup | null = null;

export function notifySetup(dataDir: string, env = process.env): NotifySetup {
	if (!setup) {
		const config = notifyConfig(env);
		setup = { config, vapid: loadVapidKeys(dataDir, env), mail: mailEnabled(config) };
	}
	return setup;
}

let worker: DeliveryWorker | null = null;

export function startDelivery(db: Database, dataDir: string, env = process.env): DeliveryWorker | null {
	const { config, vapid, mail } = notifySetup(dataDir, env);
	if (!config.worker || worker) return worker;
	const mailer = mail ? smtpMailer(config.smtpUrl!, config.mailFrom!) : null;
	const started = new DeliveryWorker({
		db,
		vapid,
		transport: fetchTransport({ loopbackHttp: config.loopbackHttp }),
		mailer,
		origin: config.origin,
		pushHosts: config.pushHosts,
		// One server process per data dir (the data-dir lock): what a killed worker left `sending`
		// is ours to send again.
		releaseOnStart: true
	});
	worker = started;
	started.start();
	const stop = () => {
		void started.stop().finally(() => mailer?.close());
	};
	process.once('SIGTERM', stop);
	process.once('SIGINT', stop);
	process.once('sveltekit:shutdown', stop);
	return started;
}
