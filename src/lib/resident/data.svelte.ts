import type { Alert } from '#lib/domain/alert.ts';
import type { ShelterCollection } from '#lib/domain/shelter.ts';
import { isResync, type Backend, type LiveEvent, type LiveState } from '#lib/backend/port.ts';
import { PointIndex } from '#lib/geo/shelter-index.ts';
import { isoAt } from './alerts.ts';
import { ResidentCache } from './cache.ts';
import { FetchWindow } from './fetch-window.ts';
import { startRefresh } from './refresh.ts';
import { sheltersOf, type ResidentShelter } from './shelters.ts';

/**
 * The resident screens' data: last known shelters + public status and alerts, each with the time
 * this device received it. Starts from IndexedDB (works offline), then refreshes from the backend
 * on focus and every minute; live events only when asked (kiosks, or a resident who opts in).
 */
export class ResidentData {
	snapshot = $state<ShelterCollection | null>(null);
	snapshotAt = $state<string | null>(null);
	alerts = $state<Alert[]>([]);
	alertsAt = $state<string | null>(null);
	/** The last refresh failed: we show cached data with its age. */
	offline = $state(false);
	loaded = $state(false);
	liveState = $state<LiveState>('closed');
	/** Epoch ms; ticks every 30 s so "N min ago" stays true without a refetch. */
	now = $state(Date.now());

	shelters: ResidentShelter[] = $derived(this.snapshot ? sheltersOf(this.snapshot) : []);
	index: PointIndex<ResidentShelter> = $derived(new PointIndex(this.shelters));
	drill: boolean = $derived(
		(this.snapshot?.drill ?? false) || this.alerts.some((a) => a.drill && a.cancelled_at === null)
	);

	readonly #backend: Backend;
	readonly #cache: ResidentCache | null;
	/** Live events that arrive during a refetch are replayed on its answer (see fetch-window.ts). */
	readonly #window = new FetchWindow<LiveEvent>();

	constructor(backend: Backend) {
		this.#backend = backend;
		this.#cache = typeof indexedDB === 'undefined' ? null : new ResidentCache();
	}

	/** Starts loading and refreshing; returns a stop function for the component's teardown. */
	start(options: { live: boolean }): () => void {
		const stops: (() => void)[] = [];
		const ticker = setInterval(() => (this.now = Date.now()), 30_000);
		const wentOffline = () => (this.offline = true);
		window.addEventListener('offline', wentOffline);
		stops.push(() => {
			clearInterval(ticker);
			window.removeEventListener('offline', wentOffline);
		});
		let stopped = false;
		void this.#restore().finally(() => {
			if (stopped) return;
			stops.push(
				startRefresh({
					load: () => this.refresh(),
					targets: [window, document],
					isVisible: () => document.visibilityState === 'visible'
				})
			);
		});
		this.setLive(options.live);
		return () => {
			stopped = true;
			this.setLive(false);
			for (const stop of stops.splice(0)) stop();
		};
	}

	#stopLive: (() => void) | null = null;

	/** Opens or closes the live subscription (DESIGN.md: residents poll unless they opt in). */
	setLive(on: boolean): void {
		if (on && !this.#stopLive) this.#stopLive = this.#listen();
		if (!on && this.#stopLive) {
			this.#stopLive();
			this.#stopLive = null;
			this.liveState = 'closed';
		}
	}

	async refresh(): Promise<void> {
		// The browser knows it is offline: keep the cached data and its true age. (Without this the
		// service worker's copy of the last snapshot would look freshly fetched.)
		if (typeof navigator !== 'undefined' && navigator.onLine === false) {
			this.offline = true;
			this.loaded = true;
			return;
		}
		const ticket = this.#window.begin();
		try {
			const [fetched, fetchedAlerts] = await Promise.all([
				this.#backend.listShelters(),
				this.#backend.listAlerts()
			]);
			const replay = this.#window.end(ticket);
			const at = Date.now();
			this.offline = false;
			this.now = at;
			if (replay === null) return; // a later refresh already answered
			let snapshot = fetched;
			let alerts = fetchedAlerts;
			if (replay.length) {
				const { applyAlertEvent, applyStatusEvent } = await import('./live.ts');
				for (const event of replay) {
					snapshot = applyStatusEvent(snapshot, event);
					alerts = applyAlertEvent(alerts, event);
				}
			}
			this.snapshot = snapshot;
			this.alerts = alerts;
			this.snapshotAt = this.alertsAt = isoAt(at);
			await Promise.all([
				this.#cache?.saveSnapshot($state.snapshot(snapshot), at),
				this.#cache?.saveAlerts($state.snapshot(alerts), at)
			]);
		} catch (error) {
			this.#window.abandon(ticket);
			this.offline = true;
			throw error;
		} finally {
			this.loaded = true;
		}
	}

	async #restore(): Promise<void> {
		try {
			const [snapshot, alerts] = await Promise.all([this.#cache?.loadSnapshot(), this.#cache?.loadAlerts()]);
			// A refresh that already answered wins over the older cache.
			if (snapshot && !this.snapshotAt) {
				this.snapshot = snapshot.value;
				this.snapshotAt = snapshot.saved_at;
			}
			if (alerts && !this.alertsAt) {
				this.alerts = alerts.value;
				this.alertsAt = alerts.saved_at;
			}
			if (snapshot) this.loaded = true;
		} catch {
			// No IndexedDB (private mode): live data only.
		}
	}

	#listen(): () => void {
		// live.ts validates events with zod: loaded only when a live subscription opens. Events wait
		// for it in arrival order (each `then` runs in the order it was queued).
		const live = import('./live.ts');
		return this.#backend.subscribe(
			['shelters', 'alerts'],
			(event) => {
				// The server could not replay what we missed: refetch, as after a reconnect.
				if (isResync(event)) void this.refresh().catch(() => {});
				else {
					this.#window.record(event);
					void live.then(({ applyAlertEvent, applyStatusEvent }) => {
						if (event.topic === 'shelters' && this.snapshot) {
							this.snapshot = applyStatusEvent(this.snapshot, event);
						} else if (event.topic === 'alerts') {
							this.alerts = applyAlertEvent(this.alerts, event);
						}
					});
				}
			},
			(state) => {
				// Delivery is not guaranteed: after any reconnect, refetch the snapshot.
				if (state === 'live' && this.liveState !== 'live') void this.refresh().catch(() => {});
				this.liveState = state;
			}
		);
	}
}
