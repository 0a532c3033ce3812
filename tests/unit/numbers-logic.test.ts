/**
 * Issue 16, pure logic: the split-count rules the staff form and the API share, the reason the form
 * shows, 「満員にする」, per-町丁目 totals (property test over random synthetic report sequences), and
 * the 町丁目 read from real GSI addresses.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { reportInputSchema } from '#lib/domain/report.ts';
import { numbersIssues } from '#lib/domain/report-numbers.ts';
import { shelterStatuses, crowdingLevels } from '#lib/domain/vocabulary.ts';
import { mergeReport, type LiveReport } from '#lib/hq/live.ts';
import { townOfAddress, townTotals } from '#lib/hq/town-totals.ts';
import type { HqShelter } from '#lib/hq/types.ts';
import { buildReport, emptyDraft, fullReport, repeatReport } from '#lib/staff/draft.ts';

const context = {
	shelterId: 'synthetic-shelter-1',
	clientId: '7d5b8a52-3f0e-4a3b-9d6c-2f1e0a9b8c7d',
	now: new Date('2026-12-05T12:00:00Z')
};
const base = reportInputSchema.parse({
	client_id: context.clientId,
	shelter_id: context.shelterId,
	status: 'open',
	evacuees: 10,
	crowding: 'vacant',
	needs: [],
	note: '',
	reported_at: context.now.toISOString()
});

describe('split counts', () => {
	test.each([
		['adds up', { evacuees: 10, evacuees_male: 4, evacuees_female: 5, evacuees_undisclosed: 1 }, []],
		['partial split that adds up', { evacuees: 4, evacuees_male: 4 }, []],
		['does not add up', { evacuees: 10, evacuees_male: 4, evacuees_female: 5 }, ['split_sum']],
		['男 without 総数', { evacuees: null, evacuees_male: 3 }, ['split_without_total']],
		['too many households', { evacuees: 2, households: 3 }, ['over_total']]
	])('%s', (_name, fields, problems) => {
		expect(numbersIssues(fields).map((issue) => issue.problem)).toEqual(problems);
		expect(reportInputSchema.safeParse({ ...base, ...fields }).success).toBe(problems.length === 0);
	});

	test('the API schema refuses negatives and non-integers', () => {
		expect(reportInputSchema.safeParse({ ...base, evacuees_male: -1 }).success).toBe(false);
		expect(reportInputSchema.safeParse({ ...base, evacuees_female: 2.5 }).success).toBe(false);
		expect(reportInputSchema.safeParse({ ...base, external_evacuees: '3' }).success).toBe(false);
	});

	test('the staff form names the field and the reason', () => {
		const draft = { ...emptyDraft(), status: 'open' as const, crowding: 'vacant' as const, evacuees: '10' };
		const sum = buildReport(
			{ ...draft, numbers: { ...emptyDraft().numbers!, evacuees_male: '4', evacuees_female: '5' } },
			context
		);
		expect(sum).toEqual({ ok: false, errors: { evacuees_male: 'numbers.error.split_sum' } });
		const noTotal = buildReport(
			{ ...draft, evacuees: '', numbers: { ...emptyDraft().numbers!, evacuees_female: '２' } },
			context
		);
		expect(noTotal).toEqual({ ok: false, errors: { evacuees_female: 'numbers.error.split_without_total' } });
		const negative = buildReport(
			{ ...draft, numbers: { ...emptyDraft().numbers!, households: '-1' } },
			context
		);
		expect(negative).toEqual({ ok: false, errors: { households: 'numbers.error.count' } });
		const fine = buildReport(
			{
				...draft,
				numbers: {
					...emptyDraft().numbers!,
					evacuees_male: '6',
					evacuees_female: '4',
					external_evacuees: '12'
				}
			},
			context
		);
		expect(fine.ok && fine.report).toMatchObject({
			evacuees_male: 6,
			evacuees_female: 4,
			external_evacuees: 12
		});
	});

	test('a one-tap new headcount drops a split that would no longer add up', () => {
		const split = reportInputSchema.parse({
			...base,
			evacuees_male: 6,
			evacuees_female: 4,
			households: 5,
			external_evacuees: 2
		});
		const next = repeatReport(split, { clientId: context.clientId, now: context.now, evacuees: 3 });
		expect(next).not.toHaveProperty('evacuees_male');
		expect(next).not.toHaveProperty('households');
		expect(next.external_evacuees).toBe(2);
	});

	test('満員にする repeats the last report as open and full, or starts one', () => {
		expect(fullReport(base, context)).toMatchObject({ status: 'open', crowding: 'full', evacuees: 10 });
		expect(fullReport(null, context)).toMatchObject({ status: 'open', crowding: 'full', evacuees: null });
	});
});

describe('町丁目 from addresses', () => {
	test('every real GSI address inside the city names a 町丁目 of the real 町丁目 list', () => {
		const towns = new Set(
			(
				JSON.parse(readFileSync('../shared/data/komae/komae-towns-geolonia.json', 'utf8')) as {
					town: string;
				}[]
			).map((t) => t.town)
		);
		const features = ['shelters-designated-gsi.json', 'shelters-emergency-gsi.json'].flatMap(
			(file) =>
				(
					JSON.parse(readFileSync(`../shared/data/komae/${file}`, 'utf8')) as {
						features: { properties: { 住所: string } }[];
					}
				).features
		);
		let inCity = 0;
		for (const { properties } of features) {
			const town = townOfAddress(properties.住所, '東京都狛江市');
			if (!properties.住所.startsWith('東京都狛江市')) {
				expect(town).toBeNull();
				continue;
			}
			inCity += 1;
			expect(towns, properties.住所).toContain(town);
		}
		expect(inCity).toBeGreaterThan(60);
		expect(townOfAddress('東京都狛江市岩戸南1-5-10', '東京都狛江市')).toBe('岩戸南一丁目');
	});
});

/** Synthetic shelters in synthetic 町丁目 (the property does not depend on real names). */
const syntheticTowns = ['合成町一丁目', '合成町二丁目', '試験台三丁目'];

function syntheticShelter(index: number, town: string | null): HqShelter {
	return {
		id: `synthetic-${index}`,
		name: `Synthetic shelter ${index}`,
		address: town
			? `東京都狛江市${town.replace('一丁目', '1-1').replace('二丁目', '2-1').replace('三丁目', '3-1')}`
			: '東京都調布市合成1-1',
		kind: 'shelter',
		lon: 139.57,
		lat: 35.63,
		capacity: null,
		hazards: [],
		welfare: false,
		accepted_people: null,
		inside_city: town !== null,
		notes: null,
		sources: ['synthetic'],
		hidden: false,
		ad_hoc: false,
		status: null
	};
}

const count = fc.option(fc.integer({ min: 0, max: 500 }), { nil: null });
const liveReport = (shelters: number) =>
	fc.record({
		shelter: fc.integer({ min: 0, max: shelters - 1 }),
		status: fc.constantFrom(...shelterStatuses),
		crowding: fc.constantFrom(...crowdingLevels),
		evacuees: count,
		male: count,
		households: count,
		external: count,
		minutes: fc.integer({ min: 0, max: 600 })
	});

describe('HQ totals per 町丁目', () => {
	test('equal the sum of each shelter’s latest report, and add up to the city', () => {
		fc.assert(
			fc.property(
				fc.array(fc.option(fc.constantFrom(...syntheticTowns), { nil: null }), {
					minLength: 1,
					maxLength: 8
				}),
				fc.array(liveReport(8), { maxLength: 60 }),
				(towns, reports) => {
					let shelters = towns.map((town, i) => syntheticShelter(i, town));
					type Shown = (typeof reports)[number] & { at: string };
					const latest = new Map<string, Shown>();
					for (const [order, r] of reports.entries()) {
						if (r.shelter >= shelters.length) continue;
						const id = `synthetic-${r.shelter}`;
						const at = new Date(Date.UTC(2026, 11, 5, 0, r.minutes, 0, order)).toISOString();
						const report: LiveReport = {
							shelter_id: id,
							status: r.status,
							crowding: r.crowding,
							evacuees: r.evacuees,
							needs: [],
							note: '',
							reported_at: at,
							received_at: at,
							drill: false,
							evacuees_male: r.evacuees === null || r.male === null ? null : Math.min(r.male, r.evacuees),
							households: r.households,
							external_evacuees: r.external
						};
						shelters = mergeReport(shelters, report);
						const shown = latest.get(id);
						// The list keeps the report observed last (ties: the later one), as SQL does.
						if (!shown || at >= shown.at) latest.set(id, { ...r, at });
					}
					const { towns: rows, city } = townTotals(shelters, '東京都狛江市');
					// Expected: straight from the latest report of each shelter.
					const expected = new Map<string | null, number>();
					let cityEvacuees = 0;
					let cityExternal = 0;
					for (const [index, town] of towns.entries()) {
						const r = latest.get(`synthetic-${index}`);
						if (!r || (r.status !== 'open' && r.status !== 'preparing')) continue;
						expected.set(town, (expected.get(town) ?? 0) + (r.evacuees ?? 0));
						cityEvacuees += r.evacuees ?? 0;
						cityExternal += r.external ?? 0;
					}
					for (const row of rows) expect(row.evacuees).toBe(expected.get(row.town) ?? 0);
					for (const [town, sum] of expected) {
						if (sum > 0) expect(rows.find((row) => row.town === town)?.evacuees).toBe(sum);
					}
					expect(city.evacuees).toBe(cityEvacuees);
					expect(city.external).toBe(cityExternal);
					expect(rows.reduce((total, row) => total + row.evacuees, 0)).toBe(city.evacuees);
					expect(rows.reduce((total, row) => total + row.households, 0)).toBe(city.households);
				}
			),
			{ numRuns: 200, seed: 16 }
		);
	});
});
