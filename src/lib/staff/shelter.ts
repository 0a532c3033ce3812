/**
 * The staff member's own shelter, kept on the device so the screen still names it after an
 * offline reload (the shelter list is public data; nothing personal is stored).
 */
import type { ShelterCollection } from '../domain/shelter.ts';

export interface StaffShelter {
	id: string;
	name: string;
	address: string;
	capacity: number | null;
}

const storageKey = 'bosai-staff-shelter';

export function findShelter(collection: ShelterCollection, id: string): StaffShelter | null {
	const feature = collection.features.find((f) => f.properties.id === id);
	if (!feature) return null;
	const { name, address, capacity } = feature.properties;
	return { id, name, address, capacity };
}

export function rememberShelter(storage: Storage, shelter: StaffShelter): void {
	storage.setItem(storageKey, JSON.stringify(shelter));
}

export function recallShelter(storage: Storage, id: string): StaffShelter | null {
	try {
		const value = JSON.parse(storage.getItem(storageKey) ?? 'null') as StaffShelter | null;
		return value?.id === id ? value : null;
	} catch {
		return null;
	}
}
