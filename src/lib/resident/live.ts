import { publicStatusSchema, type ShelterCollection } from '#lib/domain/shelter.ts';
import type { Alert } from '#lib/domain/alert.ts';
import type { LiveEvent } from '#lib/backend/port.ts';

/** Applies one `shelters` topic event (a shelter's public status) to a snapshot, immutably. */
export function applyStatusEvent(collection: ShelterCollection, event: LiveEvent): ShelterCollection {
	if (event.topic !== 'shelters') return collection;
	const parsed = publicStatusSchema.safeParse(event.payload);
	if (!parsed.success) return collection;
	const status = parsed.data;
	let changed = false;
	const features = collection.features.map((feature) => {
		if (feature.properties.id !== status.shelter_id) return feature;
		changed = true;
		return { ...feature, properties: { ...feature.properties, status } };
	});
	return changed ? { ...collection, features } : collection;
}

function looksLikeAlert(value: unknown): value is Alert {
	if (!value || typeof value !== 'object') return false;
	const alert = value as Partial<Alert>;
	return (
		typeof alert.id === 'string' &&
		(alert.level === 3 || alert.level === 4 || alert.level === 5) &&
		Array.isArray(alert.areas) &&
		typeof alert.issued_at === 'string'
	);
}

/** Applies one `alerts` topic event (an alert issued or cancelled) to the list: upsert by id. */
export function applyAlertEvent(alerts: readonly Alert[], event: LiveEvent): Alert[] {
	if (event.topic !== 'alerts' || !looksLikeAlert(event.payload)) return [...alerts];
	const alert = event.payload;
	const others = alerts.filter((existing) => existing.id !== alert.id);
	return [alert, ...others];
}
