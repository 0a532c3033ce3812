/**
 * The delivery worker: drains notify.deliveries (the outbox the alert trigger fills). It claims a
 * batch with a lease (notify.claim), sends with a bounded pool, and settles results in small
 * chunks as they come back (notify.settle), so a crash (kill -9) leaves at most the in-flight
 * sends unsettled; those are claimed again after restart and, carrying the same notification tag
 * and push Topic (the alert id), replace rather than double on the device and at the push
 * service. Runs in the server process but off the request path's critical section: every send
 * yields to the event loop before its crypto, and the pool bounds how many are in flight
 * (bench/alert-delivery.ts measures report→event latency during a big send).
 * UNFINISHED: not a worker thread — embedded PGlite runs on this thread anyway, and the measured
 * report→event p99 did not grow during a send; a thread for the crypto + HTTP part is the next step
 * if the 50,000-subscriber run on a quiet machine says otherwise.
 * JMA's warnings (「気象警報も受け取る」: deliveries with a notify.jma_events row instead of an alert)
 * go the same way, with their own payload, mail and tag (jma-payload.ts, jma-mail.ts).
 * When idle it also deletes, at most once an hour, what privacy says must go (notify.purge_expired:
 * unconfirmed e-mail sign-ups whose 48 h link expired, expired tokens, old rate-limit rows).
 */
import type { Database } from '../db/types.ts';
import { jmaMail } from '#lib/notify/jma-mail.ts';
import { type JmaDeliveryEvent, jmaPushPayload, jmaPushTopic } from '#lib/notify/jma-payload.ts';
import { type Mail, alertMail, confirmationMail } from '#lib/notify/mail.ts';
import { type AlertVersion, type DeliveryAlert, pushPayload, pushTopic } from '#lib/notify/payload.ts';
import {
	type Outcome,
	type RetryPolicy,
	ServiceGate,
	classifyPush,
	classifySmtp,
	defaultRetryPolicy,
	pushHostAllowed,
	runPool
} from '#lib/notify/schedule.ts';
import type { Mailer } from './mailer.ts';
import { PushRequestBuilder, type PushTransport } from './push-transport.ts';
import type { VapidKeys } from './vapid.ts';

type PushOptions = Parameters<PushRequestBuilder['build']>[2];

/** One row of notify.claim(). */
export interface ClaimedDelivery {
	id: number;
	alert_id: string | null;
	version: 0 | 1 | 2;
	channel: 'push' | 'email';
	push_service: string | null;
	replaces: string | null;
	attempts: number;
	subscriber_id: string | null;
	endpoint: string | null;
	p256dh: string | null;
	auth: string | null;
	email: string | null;
	confirmed: boolean;
	bounced: boolean;
	locale: string;
	areas: string[];
	manage_token: string | null;
	confirm_token: string | null;
	alert: DeliveryAlert | null;
	/** The JMA event of a 「気象警報も受け取る」 delivery (notify.jma_claimed), else absent. */
	jma?: JmaDeliveryEvent;
}

export interface DeliveryWorkerOptions {
	db: Database;
	vapid: VapidKeys;
	transport: PushTransport;
	mailer: Mailer | null;
	/** Public origin for the links in mails; no mail is sent without it. */
	origin: string | null;
	/** Push service hosts allowed besides the browsers' own (BOSAI_PUSH_HOSTS). */
	pushHosts?: string[];
	batchSize?: number;
	concurrency?: number;
	leaseSeconds?: number;
	pollMs?: number;
	/** How often an idle worker deletes expired personal data (notify.purge_expired). */
	purgeEveryMs?: number;
	/** Settle after this many results (smaller: fewer re-sends after a crash, more transactions). */
	settleEvery?: number;
	/** Embedded mode has exactly one worker: rows left `sending` by a killed one are taken back. */
	releaseOnStart?: boolean;
	policy?: RetryPolicy;
	now?: () => number;
	random?: () => number;
}

interface Settlement {
	id: number;
	outcome: Outcome['outcome'];
	retry_at?: string;
	error?: string;
}

const dayMs = 24 * 60 * 60_000;
const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

export class DeliveryWorker {
	readonly gate = new ServiceGate();
	readonly #options: Required<Omit<DeliveryWorkerOptions, 'mailer' | 'origin'>> &
		Pick<DeliveryWorkerOptions, 'mailer' | 'origin'>;
	readonly #builder: PushRequestBuilder;
	#running = false;
	#loop: Promise<void> | null = null;
	#wake: (() => void) | null = null;
	#unlisten: (() => void) | null = null;
	#touchedAlerts = new Set<string>();
	#lastProgress = 0;
	#lastPurge = -Infinity;

	constructor(options: DeliveryWorkerOptions) {
		this.#options = {
			pushHosts: [],
			batchSize: 200,
			concurrency: 32,
			leaseSeconds: 60,
			pollMs: 1000,
			purgeEveryMs: 3_600_000,
			settleEvery: 25,
			releaseOnStart: false,
			policy: defaultRetryPolicy,
			now: Date.now,
			random: Math.random,
			...options
		};
		this.#builder = new PushRequestBuilder(options.vapid);
	}

	start(): void {
		if (this.#running) return;
		this.#running = true;
		// The alert trigger announces new deliveries on the HQ topic: wake at once, not at the poll.
		this.#unlisten = this.#options.db.onRealtime((message) => {
			if (message.topic === 'hq' && message.event === 'delivery') this.#wake?.();
		});
		this.#loop = this.#run();
	}

	async stop(): Promise<void> {
		this.#running = false;
		this.#unlisten?.();
		this.#wake?.();
		await this.#loop;
	}

	async #run(): Promise<void> {
		if (this.#options.releaseOnStart) {
			await this.#options.db
				.asService((tx) => tx.query('select notify.release_claims()'))
				.catch((error: unknown) => console.error('delivery: releasing claims failed:', error));
		}
		while (this.#running) {
			let sent = 0;
			try {
				sent = await this.drainOnce();
			} catch (error) {
				if (!this.#running) break;
				console.error('delivery: batch failed:', error instanceof Error ? error.message : error);
			}
			if (sent === 0 && this.#running) {
				await this.#announceProgress(true);
				if (this.#options.now() - this.#lastPurge >= this.#options.purgeEveryMs) {
					this.#lastPurge = this.#options.now();
					await this.purgeExpired().catch((error: unknown) =>
						console.error('delivery: purge failed:', error instanceof Error ? error.message : error)
					);
				}
				await new Promise<void>((resolve) => {
					const timer = setTimeout(resolve, this.#options.pollMs);
					// An idle worker must not keep a stopping process alive.
					timer.unref();
					this.#wake = () => {
						clearTimeout(timer);
						resolve();
					};
				});
				this.#wake = null;
			}
		}
	}

	/** Deletes expired personal data of the notification tables; answers what it deleted. */
	async purgeExpired(): Promise<{ subscribers: number; tokens: number; attempts: number }> {
		const result = await this.#options.db.asService((tx) =>
			tx.query<{ purged: { subscribers: number; tokens: number; attempts: number } }>(
				'select notify.purge_expired() as purged'
			)
		);
		return result.rows[0].purged;
	}

	/** Claims one batch and delivers it; answers how many rows it claimed. */
	async drainOnce(): Promise<number> {
		const { db, batchSize, leaseSeconds, concurrency, settleEvery } = this.#options;
		const claimed = await db.asService((tx) =>
			tx.query<{ rows: ClaimedDelivery[] }>('select notify.claim($1, $2) as rows', [batchSize, leaseSeconds])
		);
		const rows = claimed.rows[0]?.rows ?? [];
		if (rows.length === 0) return 0;
		await this.#attachJmaEvents(rows);

		let pending: Settlement[] = [];
		let settling: Promise<void> = Promise.resolve();
		const flush = () => {
			if (pending.length === 0) return settling;
			const chunk = pending;
			pending = [];
			settling = settling.then(() => this.#settle(chunk));
			return settling;
		};
		await runPool(rows, concurrency, async (row) => {
			await yieldNow();
			const outcome = await this.#deliver(row);
			pending.push(this.#settlement(row, outcome));
			if (row.alert_id) this.#touchedAlerts.add(row.alert_id);
			if (pending.length >= settleEvery) void flush();
		});
		await flush();
		await this.#announceProgress(false);
		return rows.length;
	}

	/** notify.claim answers alerts only: JMA deliveries (no alert, version 1–2) get their event here. */
	async #attachJmaEvents(rows: ClaimedDelivery[]): Promise<void> {
		const ids = rows.filter((row) => row.version !== 0 && row.alert_id === null).map((row) => row.id);
		if (ids.length === 0) return;
		const result = await this.#options.db.asService((tx) =>
			tx.query<{ events: { id: number; event: JmaDeliveryEvent }[] }>(
				'select notify.jma_claimed($1::bigint[]) as events',
				[ids]
			)
		);
		const events = new Map(result.rows[0].events.map((e) => [e.id, e.event]));
		for (const row of rows) {
			const event = events.get(row.id);
			if (event) row.jma = event;
		}
	}

	#settlement(row: ClaimedDelivery, outcome: Outcome): Settlement {
		const settlement: Settlement = { id: row.id, outcome: outcome.outcome };
		if (outcome.outcome === 'retry') settlement.retry_at = new Date(outcome.retryAt).toISOString();
		if (outcome.outcome !== 'sent') settlement.error = outcome.error;
		return settlement;
	}

	async #settle(chunk: Settlement[]): Promise<void> {
		await this.#options.db.asService((tx) => tx.query('select notify.settle($1)', [JSON.stringify(chunk)]));
	}

	/** HQ's live counts: at most once a second while sending, and once when the queue runs dry. */
	async #announceProgress(final: boolean): Promise<void> {
		const now = this.#options.now();
		if (this.#touchedAlerts.size === 0 || (!final && now - this.#lastProgress < 1000)) return;
		const ids = [...this.#touchedAlerts];
		this.#touchedAlerts.clear();
		this.#lastProgress = now;
		await this.#options.db
			.asService((tx) => tx.query('select notify.progress($1::uuid[])', [ids]))
			.catch((error: unknown) => console.error('delivery: progress failed:', error));
	}

	async #deliver(row: ClaimedDelivery): Promise<Outcome> {
		if (!row.subscriber_id) return { outcome: 'failed', error: 'unsubscribed' };
		try {
			return row.channel === 'push' ? await this.#push(row) : await this.#mail(row);
		} catch (error) {
			// A bug for one row (bad stored key…) must not stop the batch; it is not retried forever.
			const message = error instanceof Error ? error.message : String(error);
			return { outcome: 'failed', error: message.slice(0, 200) };
		}
	}

	async #push(row: ClaimedDelivery): Promise<Outcome> {
		const { now, policy, random, pushHosts, transport } = this.#options;
		if (!(row.alert || row.jma) || !row.endpoint || !row.p256dh || !row.auth)
			return { outcome: 'failed', error: 'incomplete row' };
		if (!pushHostAllowed(row.endpoint, pushHosts))
			return { outcome: 'failed', error: 'push service not allowed' };
		const service = row.push_service ?? new URL(row.endpoint).origin;
		const paused = this.gate.pausedUntil(service, now());
		if (paused !== null) return { outcome: 'retry', retryAt: paused, error: 'push service paused' };

		const request = this.#builder.build(
			{ endpoint: row.endpoint, keys: { p256dh: row.p256dh, auth: row.auth } },
			...this.#pushMessage(row)
		);
		const response = await transport(request);
		const outcome = classifyPush(response.status, response.retryAfter, row.attempts, now(), policy, random);
		if (outcome.outcome === 'retry' && outcome.pauseServiceUntil)
			this.gate.pause(service, outcome.pauseServiceUntil);
		return outcome;
	}

	/** The payload and push headers of an alert or a JMA event for this subscriber. */
	#pushMessage(row: ClaimedDelivery): [string, PushOptions, number] {
		const now = this.#options.now();
		if (row.jma) {
			// JMA's warnings: kept a day at most, like a 解除; the next one of the kind replaces it.
			const payload = jmaPushPayload(row.jma, row.locale);
			const options = {
				ttlSeconds: dayMs / 1000,
				urgency: 'high',
				topic: jmaPushTopic(row.jma.kind)
			} as const;
			return [JSON.stringify(payload), options, now];
		}
		const alert = row.alert!;
		const version = row.version as AlertVersion;
		const payload = pushPayload(alert, {
			locale: row.locale,
			subscriberAreas: row.areas,
			version,
			replaces: row.replaces
		});
		const options = {
			ttlSeconds: ttlSeconds(alert, version, now),
			urgency: 'high',
			topic: pushTopic(alert.id)
		} as const;
		return [JSON.stringify(payload), options, now];
	}

	async #mail(row: ClaimedDelivery): Promise<Outcome> {
		const { mailer, origin, now, policy, random } = this.#options;
		if (!mailer || !origin) return { outcome: 'failed', error: 'mail not configured' };
		if (!row.email || !row.manage_token) return { outcome: 'failed', error: 'incomplete row' };
		if (row.bounced) return { outcome: 'failed', error: 'address bounced' };
		// Double opt-in: the triggers queue only confirmed addresses; this guards a race.
		if (row.version !== 0 && !row.confirmed) return { outcome: 'failed', error: 'not confirmed' };
		const mail = this.#mailOf(row, origin, row.manage_token);
		if (!mail) return { outcome: 'failed', error: 'incomplete row' };
		try {
			await mailer.send(row.email, mail);
			return { outcome: 'sent' };
		} catch (error) {
			return classifySmtp(
				error as { responseCode?: number; code?: string },
				row.attempts,
				now(),
				policy,
				random
			);
		}
	}

	/** The confirmation mail, a JMA event's mail or an alert's, in the subscriber's language. */
	#mailOf(row: ClaimedDelivery, origin: string, manageToken: string): Mail | null {
		if (row.version === 0) {
			return confirmationMail({
				locale: row.locale,
				origin,
				confirmToken: row.confirm_token,
				manageToken,
				alreadyConfirmed: row.confirmed
			});
		}
		if (row.jma) return jmaMail(row.jma, { locale: row.locale, origin, manageToken });
		if (!row.alert) return null;
		return alertMail(row.alert, {
			locale: row.locale,
			subscriberAreas: row.areas,
			version: row.version,
			origin,
			manageToken
		});
	}
}

/** How long a push service keeps an undelivered message: until the alert expires, 1 h–1 day. */
export function ttlSeconds(alert: DeliveryAlert, version: AlertVersion, now: number): number {
	if (version === 2 || !alert.expires_at) return dayMs / 1000;
	const left = (Date.parse(alert.expires_at) - now) / 1000;
	return Math.round(Math.min(dayMs / 1000, Math.max(3600, left)));
}
