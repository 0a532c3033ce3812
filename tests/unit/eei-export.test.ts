/**
 * The EEI export (内閣府 EEI v1.1 item 21 避難所) against the project's JSON Schema with ajv, its
 * value lists, and the open-data row that carries public fields only.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { eeiColumns, eeiCsvRecord, eeiExport, eeiOpenState, jstIso } from '#lib/eei/eei-shelters.ts';
import type { HqShelter, HqStatus } from '#lib/hq/types.ts';
import { historyDay, openStatusKeys, openStatusRow } from '#lib/open/shelter-status.ts';

const schema = JSON.parse(readFileSync('src/lib/eei/eei-shelters.schema.json', 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

function shelter(id: string, status: Partial<HqStatus> | null, extra: Partial<HqShelter> = {}): HqShelter {
	return {
		id,
		name: `Synthetic ${id}`,
		address: 'synthetic address',
		kind: 'shelter',
		lon: 139.57,
		lat: 35.63,
		capacity: 400,
		hazards: [],
		welfare: false,
		accepted_people: null,
		inside_city: true,
		notes: null,
		sources: ['synthetic'],
		hidden: false,
		ad_hoc: false,
		status: status && {
			status: 'open',
			crowding: 'vacant',
			evacuees: null,
			needs: [],
			note: '',
			reported_at: '2026-12-05T01:00:00.000Z',
			updated_at: '2026-12-05T01:00:00.000Z',
			drill: false,
			...status
		},
		...extra
	};
}

/** Synthetic shelters; the ids have the 共通ID structure, with a facility number no city uses. */
const shelters = [
	shelter('E1321999990111', null),
	shelter(
		'E1321999991121',
		{
			evacuees: 10,
			evacuees_male: 4,
			evacuees_female: 6,
			opened_at: '2026-12-05T00:30:00.000Z',
			capacity_state: 'available',
			needs: ['water', 'staff']
		},
		{ welfare: true, capacity_indoor: 480, capacity_outdoor: 3350 }
	),
	shelter('E1321999992111', {
		status: 'closed',
		opened_at: '2026-12-04T00:00:00.000Z',
		closed_at: '2026-12-05T00:00:00.000Z',
		capacity_state: 'full'
	}),
	shelter('synthetic-ad-hoc', { status: 'preparing' }, { ad_hoc: true })
];

describe('EEI export', () => {
	const exported = eeiExport(shelters, '132195', new Date('2026-12-05T03:00:00Z'));

	test('validates against the JSON Schema', () => {
		expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
	});

	test('the schema refuses what EEI does not allow (it can fail)', () => {
		const broken = structuredClone(exported);
		broken.shelters[0]!['開設状況'] = '開設準備中' as never;
		expect(validate(broken)).toBe(false);
		const extra = structuredClone(exported) as unknown as { shelters: Record<string, unknown>[] };
		extra.shelters[0]!.reporter = 'someone';
		expect(validate(extra)).toBe(false);
	});

	test('value lists and times', () => {
		const [none, open, closed, adHoc] = exported.shelters;
		expect(none).toMatchObject({
			開設状況: '未開設',
			開設日時: null,
			定員状況: '不明',
			避難所タイプ: '一般'
		});
		expect(open).toMatchObject({
			'全国共通避難所・避難場所ID': 'E1321999991121',
			開設状況: '開設',
			避難者数_総数: 10,
			避難者数_男: 4,
			避難者数_女: 6,
			開設日時: '2026-12-05T09:30:00+09:00',
			定員状況: '空きあり',
			想定収容人数: 480,
			避難所タイプ: '福祉',
			支援が必要な物資: ['水'],
			必要な人的支援: ['人員']
		});
		expect(closed).toMatchObject({
			開設状況: '閉鎖',
			閉鎖日時: '2026-12-05T09:00:00+09:00',
			定員状況: '満員'
		});
		expect(adHoc).toMatchObject({ '全国共通避難所・避難場所ID': null, 開設状況: '未開設' });
		expect(['not_opened', 'preparing', 'requested', null].map(eeiOpenState)).toEqual([
			'未開設',
			'未開設',
			'未開設',
			'未開設'
		]);
		expect(jstIso('2026-12-31T15:00:00Z')).toBe('2027-01-01T00:00:00+09:00');
		expect(Object.keys(eeiCsvRecord(open!))).toEqual([...eeiColumns]);
	});
});

describe('open-data rows', () => {
	test('carry exactly the public keys', () => {
		const row = openStatusRow({
			id: 'E1321999991121',
			name: 'Synthetic',
			status: 'open',
			capacity_state: 'full',
			updated_at: '2026-12-05T01:00:00Z',
			drill: false
		});
		expect(Object.keys(row).sort()).toEqual([...openStatusKeys].sort());
		expect(row).toMatchObject({ 共通ID: 'E1321999991121', 開設状況: '開設', 定員状況: '満員' });
	});

	test('history day: a real calendar day, or today in JST', () => {
		expect(historyDay('2026-12-05', new Date())).toBe('2026-12-05');
		expect(historyDay('2026-02-30', new Date())).toBeUndefined();
		expect(historyDay('20261205', new Date())).toBeUndefined();
		expect(historyDay(null, new Date('2026-12-05T16:00:00Z'))).toBe('2026-12-06');
	});
});
