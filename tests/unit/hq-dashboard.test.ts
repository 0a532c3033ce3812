/** HQ dashboard rules: stale flag, totals, table sorting/filtering, live merge, history chart. */
import { describe, expect, it } from 'vitest';
import { alertTextBody, templateTexts } from '#lib/hq/alert-text.ts';
import { changedFields } from '#lib/hq/client.ts';
import { historyChart } from '#lib/hq/history.ts';
import { hqMapGeoJson } from '#lib/hq/map-data.ts';
import { mergeReport, reportFromPayload } from '#lib/hq/live.ts';
import { isStale, normalizeStaleMinutes } from '#lib/hq/stale.ts';
import { applyQuery, defaultQuery } from '#lib/hq/table.ts';
import { totals } from '#lib/hq/totals.ts';
import type { HqShelter, HqStatus } from '#lib/hq/types.ts';

const now = Date.parse('2026-11-25T06:00:00Z');
const minutesAgo = (m: number) => new Date(now - m * 60_000).toISOString();

function shelter(
	id: string,
	name: string,
	status: Partial<HqStatus> | null,
	capacity: number | null = 100
): HqShelter {
	return {
		id,
		name,
		address: '',
		kind: 'shelter',
		lon: 139.58,
		lat: 35.63,
		capacity,
		hazards: [],
		welfare: false,
		accepted_people: null,
		inside_city: true,
		notes: null,
		sources: [],
		hidden: false,
		ad_hoc: false,
		status: status && {
			status: 'open',
			crowding: 'vacant',
			evacuees: 0,
			needs: [],
			note: '',
			reported_at: minutesAgo(5),
			updated_at: minutesAgo(5),
			drill: false,
			...status
		}
	};
}

const list = [
	shelter('a', 'あ小学校', { evacuees: 90, crowding: 'full', updated_at: minutesAgo(10) }),
	shelter('b', 'い中学校', { evacuees: 20, updated_at: minutesAgo(61) }),
	shelter('c', 'う会館', null),
	shelter('d', 'え公園', { status: 'closed', evacuees: 0, updated_at: minutesAgo(500) }),
	shelter('e', 'お体育館', { evacuees: null, crowding: 'unknown', updated_at: minutesAgo(2) }, null)
];

describe('stale flag', () => {
	it('flags a report older than the threshold, not a never-reported or closed shelter', () => {
		expect(list.map((s) => isStale(s, now, 60))).toEqual([false, true, false, false, false]);
		expect(list.map((s) => isStale(s, now, 5))).toEqual([true, true, false, false, false]);
	});
	it('clamps a typed threshold', () => {
		expect(normalizeStaleMinutes('15')).toBe(15);
		expect(normalizeStaleMinutes('x')).toBe(60);
		expect(normalizeStaleMinutes(0)).toBe(0.1);
		expect(normalizeStaleMinutes(10_000)).toBe(1440);
	});
});

describe('totals', () => {
	it('counts open, full, not reported and evacuees (unknown counted apart)', () => {
		expect(totals(list)).toEqual({
			shelters: 5,
			open: 3,
			full: 1,
			notReported: 1,
			evacuees: 110,
			unknownEvacuees: 1
		});
	});
});

describe('table query', () => {
	it('sorts by evacuees descending with unknown last', () => {
		const sorted = applyQuery(list, { ...defaultQuery, sort: 'evacuees', descending: true }, now, 60);
		expect(sorted.map((s) => s.id)).toEqual(['a', 'b', 'd', 'c', 'e']);
		const ascending = applyQuery(list, { ...defaultQuery, sort: 'evacuees', descending: false }, now, 60);
		expect(ascending.map((s) => s.id)).toEqual(['d', 'b', 'a', 'c', 'e']);
	});
	it('sorts by capacity share and by age', () => {
		expect(applyQuery(list, { ...defaultQuery, sort: 'share' }, now, 60).map((s) => s.id)).toEqual([
			'a',
			'b',
			'd',
			'c',
			'e'
		]);
		expect(applyQuery(list, { ...defaultQuery, sort: 'age' }, now, 60).map((s) => s.id)).toEqual([
			'd',
			'b',
			'a',
			'e',
			'c'
		]);
	});
	it('sorts by 余力 (derived in SQL): most room first, unknown last in both directions', () => {
		const withRoom = list.map((s, i) =>
			s.status ? { ...s, status: { ...s.status, remaining: [10, 200, null, 0, null][i] ?? null } } : s
		);
		const most = applyQuery(withRoom, { ...defaultQuery, sort: 'remaining', descending: true }, now, 60);
		expect(most.map((s) => s.id)).toEqual(['b', 'a', 'd', 'c', 'e']);
		const least = applyQuery(withRoom, { ...defaultQuery, sort: 'remaining', descending: false }, now, 60);
		expect(least.map((s) => s.id)).toEqual(['d', 'a', 'b', 'c', 'e']);
	});
	it('filters by text, status, not reported and stale', () => {
		expect(applyQuery(list, { ...defaultQuery, text: '中学' }, now, 60).map((s) => s.id)).toEqual(['b']);
		expect(applyQuery(list, { ...defaultQuery, status: 'not_reported' }, now, 60).map((s) => s.id)).toEqual([
			'c'
		]);
		expect(applyQuery(list, { ...defaultQuery, status: 'closed' }, now, 60).map((s) => s.id)).toEqual(['d']);
		expect(applyQuery(list, { ...defaultQuery, staleOnly: true }, now, 60).map((s) => s.id)).toEqual(['b']);
	});
});

describe('live merge', () => {
	const report = {
		id: 9,
		client_id: '11111111-1111-4111-8111-111111111111',
		shelter_id: 'c',
		status: 'open',
		crowding: 'crowded',
		evacuees: 70,
		needs: ['food'],
		note: '',
		reported_at: minutesAgo(1),
		received_at: minutesAgo(0),
		drill: false
	};
	it('reads a report payload, bare or wrapped, and ignores junk', () => {
		expect(reportFromPayload(report)?.shelter_id).toBe('c');
		expect(reportFromPayload({ report })?.evacuees).toBe(70);
		expect(reportFromPayload({ hello: 1 })).toBeNull();
	});
	it('applies a newer report and ignores an older one', () => {
		const merged = mergeReport(list, reportFromPayload(report)!);
		expect(merged.find((s) => s.id === 'c')?.status?.evacuees).toBe(70);
		const older = reportFromPayload({ ...report, shelter_id: 'a', reported_at: minutesAgo(30) })!;
		expect(mergeReport(list, older).find((s) => s.id === 'a')?.status?.evacuees).toBe(90);
	});
});

describe('live merge by observation time (issue 18, M4)', () => {
	const base = {
		id: 10,
		client_id: '22222222-2222-4222-8222-222222222222',
		shelter_id: 'a',
		status: 'closed',
		crowding: 'vacant',
		evacuees: 1,
		needs: [],
		note: '',
		drill: false
	};
	it('a report from a clock a day ahead does not pin the status: the next correct one applies', () => {
		const future = reportFromPayload({
			...base,
			reported_at: minutesAgo(-23 * 60),
			received_at: minutesAgo(2)
		})!;
		const pinned = mergeReport(list, future);
		expect(pinned.find((s) => s.id === 'a')?.status?.evacuees).toBe(1);
		const correct = reportFromPayload({
			...base,
			status: 'open',
			evacuees: 77,
			reported_at: minutesAgo(1),
			received_at: minutesAgo(1)
		})!;
		expect(mergeReport(pinned, correct).find((s) => s.id === 'a')?.status?.evacuees).toBe(77);
	});
	it("follows the trigger's observed_at when the payload has it (HQ's correction wins)", () => {
		const staff = reportFromPayload({
			...base,
			evacuees: 5,
			reported_at: minutesAgo(1),
			received_at: minutesAgo(1)
		})!;
		const shown = mergeReport(list, staff);
		const hq = reportFromPayload({
			...base,
			evacuees: 0,
			reported_at: minutesAgo(120),
			received_at: minutesAgo(0),
			observed_at: minutesAgo(0)
		})!;
		expect(mergeReport(shown, hq).find((s) => s.id === 'a')?.status?.evacuees).toBe(0);
	});
});

describe('history chart', () => {
	it('draws a line for evacuees and steps for crowding, breaking at unknown', () => {
		const chart = historyChart([
			{ at: 0, evacuees: 0, crowding: 'vacant' },
			{ at: 10, evacuees: 50, crowding: 'crowded' },
			{ at: 20, evacuees: null, crowding: 'unknown' },
			{ at: 30, evacuees: 100, crowding: 'full' }
		]);
		expect(chart.maxEvacuees).toBe(100);
		expect(chart.evacueesPath.match(/M/g)).toHaveLength(2);
		expect(chart.crowdingPath).toContain('H');
		expect(chart.evacueesPath.startsWith('M4.0,116.0')).toBe(true);
	});
});

describe('alert texts, map data, audit diff', () => {
	it('templates name the level, hazard and area in each locale; only non-empty texts are sent', () => {
		const texts = templateTexts(4, 'flood', ['岩戸北一丁目']);
		expect(texts.ja).toBe('岩戸北一丁目に警戒レベル4 避難指示を発令しました（洪水）。');
		expect(texts.en).toContain('Evacuation order');
		expect(texts.en).toContain('岩戸北一丁目');
		expect(templateTexts(5, 'tsunami', ['all']).ja).toContain('狛江市全域');
		expect(alertTextBody({ ja: ' 本文 ', en: '  ', ko: '본문' })).toEqual({ ja: '本文', ko: '본문' });
	});

	it('map features carry state and stale flag, not colour alone', () => {
		const geo = hqMapGeoJson(list, now, 60);
		const byId = Object.fromEntries(geo.features.map((f) => [f.properties.id, f.properties]));
		expect(byId.a).toMatchObject({ state: 'full', stale: false, label: '90' });
		expect(byId.b).toMatchObject({ state: 'open', stale: true, label: '! 20' });
		expect(byId.c).toMatchObject({ state: 'none', stale: false, label: '' });
	});

	it('the audit view lists changed columns only', () => {
		expect(
			changedFields({
				old: { name: 'A', capacity: 1, updated_at: 'x' },
				new: { name: 'B', capacity: 1, updated_at: 'y' }
			})
		).toEqual(['name']);
		expect(changedFields({ old: null, new: { name: 'A' } })).toEqual(['name']);
	});
});
