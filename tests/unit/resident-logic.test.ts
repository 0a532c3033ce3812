import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Alert } from '#lib/domain/alert.ts';
import type { PublicStatus, ShelterCollection, ShelterFeature } from '#lib/domain/shelter.ts';
import type { Hazard, ShelterKind } from '#lib/domain/vocabulary.ts';
import { PointIndex } from '#lib/geo/shelter-index.ts';
import { matchesFilters, noFilters, rankNearest, sheltersOf, statusRank } from '#lib/resident/shelters.ts';
import { orderWithoutPosition } from '#lib/resident/order.ts';
import { activeAlerts, minutesSince } from '#lib/resident/alerts.ts';
import { applyAlertEvent, applyStatusEvent } from '#lib/resident/live.ts';
import { ResidentCache } from '#lib/resident/cache.ts';
import { startRefresh } from '#lib/resident/refresh.ts';
import { parseKioskConfig, startIdleTimer } from '#lib/resident/kiosk.ts';
import { geoUri, webDirectionsUrl } from '#lib/resident/directions.ts';

// Synthetic shelters on a line going east from a synthetic origin, ~100 m apart.
const origin = { lon: 139.58, lat: 35.63 };
function feature(
	id: string,
	step: number,
	options: {
		hazards?: Hazard[];
		status?: PublicStatus['status'] | null;
		kind?: ShelterKind;
		welfare?: boolean;
		crowding?: PublicStatus['crowding'];
	} = {}
): ShelterFeature {
	const status = options.status ?? null;
	return {
		type: 'Feature',
		geometry: { type: 'Point', coordinates: [origin.lon + step * 0.0011, origin.lat] },
		properties: {
			id,
			name: `synthetic ${id}`,
			address: '',
			kind: options.kind ?? 'both',
			capacity: null,
			hazards: options.hazards ?? ['flood', 'earthquake'],
			welfare: options.welfare ?? false,
			accepted_people: null,
			inside_city: true,
			notes: null,
			sources: [],
			ad_hoc: false,
			status: status
				? {
						shelter_id: id,
						status,
						crowding: options.crowding ?? 'vacant',
						updated_at: '2026-11-25T10:00:00Z',
						drill: false
					}
				: null
		}
	};
}
const collection = (features: ShelterFeature[]): ShelterCollection => ({
	type: 'FeatureCollection',
	features,
	drill: false,
	generated_at: '2026-11-25T10:00:00Z'
});

describe('ranking shelters', () => {
	const shelters = sheltersOf(
		collection([
			feature('closed-near', 1, { status: 'closed' }),
			feature('unknown', 2),
			feature('open-far', 5, { status: 'open' }),
			feature('open-full', 3, { status: 'open', crowding: 'full' }),
			feature('not-opened', 4, { status: 'not_opened' }),
			feature('quake-only', 0.5, { hazards: ['earthquake'], status: 'open' }),
			feature('preparing', 6, { status: 'preparing' })
		])
	);
	const index = new PointIndex(shelters);

	it('puts open before full, preparing, unknown, not opened and closed, nearest first within each', () => {
		const ranked = rankNearest(index, origin, { ...noFilters, hazard: 'flood' }, 10);
		expect(ranked.map((r) => r.item.id)).toEqual([
			'open-far',
			'open-full',
			'preparing',
			'unknown',
			'not-opened',
			'closed-near'
		]);
		expect(ranked[0].direction).toBe('e');
		expect(ranked[0].distance).toBeGreaterThan(450);
	});

	it('lists only shelters designated for the hazard and stops at the limit', () => {
		expect(
			rankNearest(index, origin, { ...noFilters, hazard: 'earthquake' }, 2).map((r) => r.item.id)
		).toEqual(['quake-only', 'open-far']);
		expect(rankNearest(index, origin, { ...noFilters, hazard: 'large_fire' }, 5)).toEqual([]);
	});

	it('ranks by status without a position (the list order of src/lib/resident/order.ts)', () => {
		expect(orderWithoutPosition(shelters, 'flood')[0].id).toBe('open-far');
		expect(orderWithoutPosition(shelters, null).at(-1)?.id).toBe('closed-near');
	});

	it('filters by kind (both counts for each) and welfare', () => {
		const [s] = sheltersOf(collection([feature('a', 1, { kind: 'emergency_site' })]));
		expect(matchesFilters(s, { ...noFilters, kind: 'emergency_site' })).toBe(true);
		expect(matchesFilters(s, { ...noFilters, kind: 'shelter' })).toBe(false);
		expect(matchesFilters(s, { ...noFilters, welfareOnly: true })).toBe(false);
		const [both] = sheltersOf(collection([feature('b', 1, { kind: 'both', welfare: true })]));
		expect(matchesFilters(both, { hazard: 'flood', kind: 'shelter', welfareOnly: true })).toBe(true);
	});

	it('never lists a hidden shelter even if one slipped into the data', () => {
		const hidden = feature('h', 1);
		(hidden.properties as { hidden?: boolean }).hidden = true;
		expect(sheltersOf(collection([hidden, feature('v', 2)])).map((s) => s.id)).toEqual(['v']);
	});

	it('status rank of a shelter never reported is between preparing and not opened', () => {
		expect(statusRank(null)).toBeGreaterThan(statusRank(shelters[6].status));
		expect(statusRank(null)).toBeLessThan(statusRank(shelters[4].status));
	});
});

const alert = (over: Partial<Alert>): Alert => ({
	id: 'a1',
	level: 4,
	hazard: 'flood',
	areas: ['all'],
	text: { ja: '避難指示' },
	issued_by: null,
	issued_at: '2026-11-25T10:00:00Z',
	cancelled_at: null,
	drill: false,
	...over
});

describe('alerts', () => {
	const now = Date.parse('2026-11-25T10:30:00Z');
	const alerts = [
		alert({ id: 'city3', level: 3 }),
		alert({ id: 'town5', level: 5, areas: ['猪方三丁目'] }),
		alert({ id: 'other4', level: 4, areas: ['東和泉三丁目'] }),
		alert({ id: 'cancelled', level: 5, cancelled_at: '2026-11-25T10:10:00Z' }),
		alert({ id: 'expired', level: 5, expires_at: '2026-11-25T10:29:00Z' })
	];

	it('shows alerts in force for my town or the whole city, highest level first', () => {
		expect(activeAlerts(alerts, '猪方三丁目', now).map((a) => a.id)).toEqual(['town5', 'city3']);
		expect(activeAlerts(alerts, null, now).map((a) => a.id)).toEqual(['town5', 'other4', 'city3']);
	});

	it('minutes since, never negative, null for garbage', () => {
		expect(minutesSince('2026-11-25T10:00:00Z', now)).toBe(30);
		expect(minutesSince('2026-11-25T11:00:00Z', now)).toBe(0);
		expect(minutesSince('not a date', now)).toBeNull();
	});

	it('live events upsert alerts and statuses; bad payloads change nothing', () => {
		const cancelled = applyAlertEvent(alerts, {
			id: '9',
			topic: 'alerts',
			event: 'cancelled',
			payload: alert({ id: 'city3', level: 3, cancelled_at: '2026-11-25T10:20:00Z' })
		});
		expect(activeAlerts(cancelled, null, now).map((a) => a.id)).toEqual(['town5', 'other4']);
		expect(applyAlertEvent(alerts, { id: '10', topic: 'alerts', event: 'x', payload: { id: 1 } })).toEqual(
			alerts
		);

		const snapshot = collection([feature('s1', 1), feature('s2', 2)]);
		const status: PublicStatus = {
			shelter_id: 's2',
			status: 'open',
			crowding: 'crowded',
			updated_at: '2026-11-25T10:25:00Z',
			drill: true
		};
		const next = applyStatusEvent(snapshot, {
			id: '11',
			topic: 'shelters',
			event: 'status',
			payload: status
		});
		expect(next.features[1].properties.status).toEqual(status);
		expect(next.features[0]).toBe(snapshot.features[0]);
		expect(
			applyStatusEvent(snapshot, {
				id: '12',
				topic: 'shelters',
				event: 'status',
				payload: { shelter_id: 's1' }
			})
		).toBe(snapshot);
	});
});

describe('ResidentCache (IndexedDB via fake-indexeddb)', () => {
	it('keeps the last snapshot, alerts and prefs across reopen, with their age', async () => {
		const name = `test-${Math.random()}`;
		const first = new ResidentCache(name);
		expect(await first.loadSnapshot()).toBeNull();
		const snap = collection([feature('s1', 1, { status: 'open' })]);
		await first.saveSnapshot(snap, Date.parse('2026-11-25T10:00:00Z'));
		await first.saveAlerts([alert({})], Date.parse('2026-11-25T10:05:00Z'));
		await first.savePrefs({ hazard: 'flood', town: '猪方三丁目', live: false });
		await first.close();

		const second = new ResidentCache(name);
		expect(await second.loadSnapshot()).toEqual({ value: snap, saved_at: '2026-11-25T10:00:00.000Z' });
		expect((await second.loadAlerts())?.value[0].id).toBe('a1');
		expect((await second.loadAlerts())?.saved_at).toBe('2026-11-25T10:05:00.000Z');
		expect(await second.loadPrefs()).toEqual({ hazard: 'flood', town: '猪方三丁目', live: false });
		await second.close();
	});
});

describe('refresh schedule', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('loads at start, on focus/online/visible, every minute while visible, one at a time', async () => {
		const target = new EventTarget();
		let visible = true;
		let calls = 0;
		let release: () => void = () => {};
		const load = () => {
			calls++;
			return new Promise<void>((done) => (release = done));
		};
		const stop = startRefresh({ load, targets: [target], isVisible: () => visible });
		expect(calls).toBe(1);
		target.dispatchEvent(new Event('focus'));
		expect(calls).toBe(1); // still running: no second request
		release();
		await vi.advanceTimersByTimeAsync(0);
		target.dispatchEvent(new Event('focus'));
		expect(calls).toBe(2);
		release();
		await vi.advanceTimersByTimeAsync(60_000);
		expect(calls).toBe(3);
		release();
		visible = false;
		await vi.advanceTimersByTimeAsync(60_000);
		target.dispatchEvent(new Event('visibilitychange'));
		expect(calls).toBe(3);
		visible = true;
		target.dispatchEvent(new Event('visibilitychange'));
		expect(calls).toBe(4);
		release();
		await vi.advanceTimersByTimeAsync(0);
		stop();
		target.dispatchEvent(new Event('online'));
		await vi.advanceTimersByTimeAsync(120_000);
		expect(calls).toBe(4);
	});

	it('a failed load is swallowed and the next one still runs', async () => {
		const target = new EventTarget();
		let calls = 0;
		const stop = startRefresh({
			load: async () => {
				calls++;
				throw new Error('offline');
			},
			targets: [target],
			isVisible: () => true
		});
		await vi.advanceTimersByTimeAsync(0);
		target.dispatchEvent(new Event('online'));
		await vi.advanceTimersByTimeAsync(0);
		expect(calls).toBe(2);
		stop();
	});
});

describe('kiosk', () => {
	it('reads a fixed location from the query and rejects bad input', () => {
		const ok = parseKioskConfig(
			new URLSearchParams('lon=139.5783&lat=35.6348&name=狛江市役所&hazard=flood&idle=60')
		);
		expect(ok).toEqual({
			ok: true,
			config: { lon: 139.5783, lat: 35.6348, name: '狛江市役所', hazard: 'flood', idleSeconds: 60 }
		});
		expect(parseKioskConfig(new URLSearchParams('lon=139.5&lat=35.6')).ok).toBe(true);
		for (const bad of [
			'',
			'lon=abc&lat=35',
			'lon=200&lat=35',
			'lon=139&lat=35&hazard=meteor',
			'lon=139&lat=35&idle=1'
		])
			expect(parseKioskConfig(new URLSearchParams(bad)).ok).toBe(false);
	});

	it('resets after the idle time; any input restarts the wait', async () => {
		vi.useFakeTimers();
		const target = new EventTarget();
		let idle = 0;
		const stop = startIdleTimer({ target, timeoutMs: 1000, onIdle: () => idle++ });
		await vi.advanceTimersByTimeAsync(900);
		target.dispatchEvent(new Event('pointerdown'));
		await vi.advanceTimersByTimeAsync(900);
		expect(idle).toBe(0);
		await vi.advanceTimersByTimeAsync(200);
		expect(idle).toBe(1);
		stop();
		vi.useRealTimers();
	});
});

describe('directions links', () => {
	it('builds a geo: URI and a walking-directions URL from coordinates only', () => {
		const to = { lon: 139.590227, lat: 35.626321 };
		expect(geoUri(to, '狛江みずほ幼稚園')).toBe(
			'geo:35.626321,139.590227?q=35.626321,139.590227(%E7%8B%9B%E6%B1%9F%E3%81%BF%E3%81%9A%E3%81%BB%E5%B9%BC%E7%A8%9A%E5%9C%92)'
		);
		const url = new URL(webDirectionsUrl(to, { lon: 139.58, lat: 35.63 }));
		expect(url.searchParams.get('destination')).toBe('35.626321,139.590227');
		expect(url.searchParams.get('origin')).toBe('35.630000,139.580000');
		expect(url.searchParams.get('travelmode')).toBe('walking');
	});
});
