import { describe, expect, it } from 'vitest';
import type { ShelterCollection } from '#lib/domain/shelter.ts';
import { findShelter, recallShelter, rememberShelter } from '#lib/staff/shelter.ts';

/** A Storage over a Map (the browser's localStorage in the page). */
function memoryStorage(): Storage {
	const map = new Map<string, string>();
	return {
		get length() {
			return map.size;
		},
		clear: () => map.clear(),
		getItem: (key) => map.get(key) ?? null,
		key: (index) => [...map.keys()][index] ?? null,
		removeItem: (key) => void map.delete(key),
		setItem: (key, value) => void map.set(key, value)
	};
}

const collection = {
	type: 'FeatureCollection',
	drill: false,
	generated_at: '2026-11-25T00:00:00Z',
	features: [
		{
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [139.57, 35.63] },
			properties: { id: 'synthetic-1', name: 'Synthetic school', address: 'Synthetic 1-1', capacity: null }
		}
	]
} as unknown as ShelterCollection;

describe('the staff member’s shelter on the device', () => {
	it('is found by id, remembered, and recalled only for the same id', () => {
		const shelter = findShelter(collection, 'synthetic-1');
		expect(shelter).toEqual({
			id: 'synthetic-1',
			name: 'Synthetic school',
			address: 'Synthetic 1-1',
			capacity: null
		});
		expect(findShelter(collection, 'other')).toBeNull();
		const storage = memoryStorage();
		rememberShelter(storage, shelter!);
		expect(recallShelter(storage, 'synthetic-1')).toEqual(shelter);
		expect(recallShelter(storage, 'synthetic-2')).toBeNull(); // another account's shelter
		storage.setItem('bosai-staff-shelter', '{broken');
		expect(recallShelter(storage, 'synthetic-1')).toBeNull();
	});
});
