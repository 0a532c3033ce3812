/**
 * The resident list's order without a position and the bottom sheet's peek (src/lib/resident/
 * order.ts), on SYNTHETIC shelters (names and addresses invented for the test).
 */
import { describe, expect, it } from 'vitest';
import type { PublicStatus } from '#lib/domain/shelter.ts';
import type { Hazard, ShelterKind } from '#lib/domain/vocabulary.ts';
import { PointIndex } from '#lib/geo/shelter-index.ts';
import { orderWithoutPosition, peekShelters, townOfAddress } from '#lib/resident/order.ts';
import type { ResidentShelter } from '#lib/resident/shelters.ts';

function synthetic(
	id: string,
	options: {
		hazards?: Hazard[];
		kind?: ShelterKind;
		welfare?: boolean;
		address?: string;
		status?: PublicStatus['status'];
		crowding?: PublicStatus['crowding'];
		east?: number;
	} = {}
): ResidentShelter {
	return {
		id,
		name: `synthetic ${id}`,
		address: options.address ?? '東京都架空市本町1-1-1',
		kind: options.kind ?? 'shelter',
		capacity: null,
		hazards: options.hazards ?? [],
		welfare: options.welfare ?? false,
		accepted_people: null,
		inside_city: true,
		notes: null,
		sources: [],
		ad_hoc: false,
		status: options.status
			? {
					shelter_id: id,
					status: options.status,
					crowding: options.crowding ?? 'vacant',
					updated_at: '2026-12-05T00:00:00Z',
					drill: false
				}
			: null,
		lon: 139.58 + (options.east ?? 0) * 0.001,
		lat: 35.63
	};
}

describe('townOfAddress', () => {
	it('keeps the 町丁目, drops prefecture, city, lot and building', () => {
		expect(townOfAddress('東京都架空市和泉本町1-1-5')).toBe('和泉本町1');
		expect(townOfAddress('東京都架空市東和泉４－１－７アイルスデール101')).toBe('東和泉4');
		expect(townOfAddress('東京都架空市元和泉3')).toBe('元和泉3');
		expect(townOfAddress('東京都架空市駒井町一丁目')).toBe('駒井町一');
		expect(townOfAddress('神奈川県架空市本町2丁目3')).toBe('本町2');
	});
});

describe('orderWithoutPosition', () => {
	const shelters = [
		synthetic('welfare-flood', { hazards: ['flood'], welfare: true, address: '東京都架空市あ町1-1' }),
		synthetic('quake-only', { hazards: ['earthquake'], kind: 'both', address: '東京都架空市あ町1-1' }),
		synthetic('flood-shelter-b2', { hazards: ['flood'], address: '東京都架空市い町2-1' }),
		synthetic('flood-both-b10', { hazards: ['flood'], kind: 'both', address: '東京都架空市い町10-1' }),
		synthetic('flood-both-b2', { hazards: ['flood'], kind: 'both', address: '東京都架空市い町2-9' }),
		synthetic('flood-shelter-a', { hazards: ['flood'], address: '東京都架空市あ町3-1' })
	];

	it('puts shelters for the hazard first, general before 福祉避難所, both-kind first, then 町丁目 (numeric) and name', () => {
		expect(orderWithoutPosition(shelters, 'flood').map((s) => s.id)).toEqual([
			'flood-both-b2',
			'flood-both-b10',
			'flood-shelter-a',
			'flood-shelter-b2',
			'welfare-flood',
			'quake-only'
		]);
	});

	it('keeps every shelter (nothing filtered out)', () => {
		expect(orderWithoutPosition(shelters, 'tsunami')).toHaveLength(shelters.length);
		expect(new Set(orderWithoutPosition(shelters, null))).toEqual(new Set(shelters));
	});

	it('ranks an open general shelter before unreported ones, but never a 福祉避難所 before general ones', () => {
		const open = synthetic('open-general', {
			hazards: ['flood'],
			address: '東京都架空市ん町9',
			status: 'open'
		});
		const openWelfare = synthetic('open-welfare', { hazards: ['flood'], welfare: true, status: 'open' });
		const order = orderWithoutPosition([...shelters, openWelfare, open], 'flood').map((s) => s.id);
		expect(order[0]).toBe('open-general');
		expect(order.indexOf('open-welfare')).toBeGreaterThan(order.indexOf('flood-shelter-b2'));
	});
});

describe('peekShelters', () => {
	const from = { lon: 139.58, lat: 35.63 };

	it('gives the nearest open, suitable, not full shelters, at most 3', () => {
		const index = new PointIndex([
			synthetic('near-closed', { hazards: ['flood'], status: 'closed', east: 1 }),
			synthetic('near-full', { hazards: ['flood'], status: 'open', crowding: 'full', east: 2 }),
			synthetic('near-quake', { hazards: ['earthquake'], status: 'open', east: 3 }),
			synthetic('open-4', { hazards: ['flood'], status: 'open', east: 4 }),
			synthetic('open-6', { hazards: ['flood'], status: 'open', crowding: 'crowded', east: 6 }),
			synthetic('open-5', { hazards: ['flood'], status: 'open', east: 5 }),
			synthetic('open-7', { hazards: ['flood'], status: 'open', east: 7 })
		]);
		const answer = peekShelters(index, from, 'flood');
		expect(answer.kind).toBe('shelters');
		if (answer.kind !== 'shelters') return;
		expect(answer.rows.map((row) => row.item.id)).toEqual(['open-4', 'open-5', 'open-6']);
		expect(answer.rows[0].direction).toBe('e');
		expect(answer.rows[0].distance).toBeGreaterThan(300);
	});

	it('says why none qualifies', () => {
		const none = new PointIndex([
			synthetic('a', { hazards: ['flood'] }),
			synthetic('b', { hazards: ['flood'], status: 'closed' })
		]);
		expect(peekShelters(none, from, 'flood')).toEqual({ kind: 'none-open' });
		const full = new PointIndex([
			synthetic('a', { hazards: ['flood'], status: 'open', crowding: 'full' }),
			synthetic('b', { hazards: ['earthquake'], status: 'open' })
		]);
		expect(peekShelters(full, from, 'flood')).toEqual({ kind: 'all-full' });
		expect(peekShelters(full, null, 'earthquake')).toEqual({ kind: 'no-position' });
		expect(peekShelters(new PointIndex([]), from, null)).toEqual({ kind: 'none-open' });
	});
});
