/**
 * `npm run deliver`: the delivery worker on its own, against a PostgreSQL database that has the
 * migrations — Supabase mode (docs/notifications.md). It connects with BOSAI_DELIVERY_DATABASE_URL
 * (Supabase: the database connection string of the service role / postgres user; server side only,
 * never in a browser) and reads the VAPID keys from BOSAI_VAPID_PUBLIC_KEY / BOSAI_VAPID_PRIVATE_KEY
 * (the same pair the site's `PUBLIC` config hands browsers), mail settings as the server does.
 * Several workers may run: claims are leased (`for update skip locked`), never released at start.
 */
import { openDatabase } from '../src/lib/server/db/index.ts';
import { mailEnabled, notifyConfig } from '../src/lib/server/notify/config.ts';
import { smtpMailer } from '../src/lib/server/notify/mailer.ts';
import { fetchTransport } from '../src/lib/server/notify/push-transport.ts';
import { loadVapidKeys } from '../src/lib/server/notify/vapid.ts';
import { DeliveryWorker } from '../src/lib/server/notify/worker.ts';

const url = process.env.BOSAI_DELIVERY_DATABASE_URL;
if (!url) {
	console.error('Set BOSAI_DELIVERY_DATABASE_URL (postgres://…) to the database with the migrations.');
	process.exit(2);
}
if (!process.env.BOSAI_VAPID_PUBLIC_KEY || !process.env.BOSAI_VAPID_PRIVATE_KEY) {
	console.error('Set BOSAI_VAPID_PUBLIC_KEY and BOSAI_VAPID_PRIVATE_KEY (npx web-push generate-vapid-keys).');
	process.exit(2);
}
const config = notifyConfig();
const db = await openDatabase({ driver: 'postgres', connectionString: url, migrate: false });
const mailer = mailEnabled(config) ? smtpMailer(config.smtpUrl!, config.mailFrom!) : null;
const worker = new DeliveryWorker({
	db,
	vapid: loadVapidKeys('.', process.env),
	transport: fetchTransport({ loopbackHttp: config.loopbackHttp }),
	mailer,
	origin: config.origin,
	pushHosts: config.pushHosts
});
worker.start();
console.log(`delivery worker running (mail ${mailer ? 'on' : 'off'})`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
	process.once(signal, () => {
		void worker
			.stop()
			.then(() => db.close())
			.finally(() => {
				mailer?.close();
				process.exit(0);
			});
	});
}
