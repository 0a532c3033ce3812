/** What the printable pages show (pure: grouped, ordered, projected, so the rules are unit-tested). */
import type { Hazard } from '../domain/vocabulary.ts';

export interface PrintShelter {
	id: string;
	name: string;
	address: string;
	lon: number;
	lat: number;
	hazards: readonly Hazard[];
	welfare: boolean;
	inside_city: boolean;
}

export interface HazardGroup<T extends PrintShelter> {
	hazard: Hazard;
	shelters: T[];
}

/**
 * One group per hazard that has at least one shelter, in the order given; inside, general
 * shelters before 福祉避難所, then by address (町丁目) and name. Hidden shelters never reach this.
 */
export function byHazard<T extends PrintShelter>(shelters: readonly T[], order: readonly Hazard[]) {
	const groups: HazardGroup<T>[] = [];
	for (const hazard of order) {
		const list = shelters
			.filter((shelter) => shelter.hazards.includes(hazard))
			.sort(
				(a, b) =>
					Number(a.welfare) - Number(b.welfare) ||
					a.address.localeCompare(b.address, 'ja') ||
					a.name.localeCompare(b.name, 'ja')
			);
		if (list.length) groups.push({ hazard, shelters: list });
	}
	return groups;
}

/** Projects points into a width×height box (equirectangular, scaled by cos(lat)), with a margin. */
export function project(
	points: readonly { lon: number; lat: number }[],
	width: number,
	height: number,
	margin = 12
): [number, number][] {
	if (!points.length) return [];
	const lons = points.map((p) => p.lon);
	const lats = points.map((p) => p.lat);
	const [west, east] = [Math.min(...lons), Math.max(...lons)];
	const [south, north] = [Math.min(...lats), Math.max(...lats)];
	const kx = Math.cos(((south + north) / 2) * (Math.PI / 180));
	const spanX = Math.max((east - west) * kx, 1e-6);
	const spanY = Math.max(north - south, 1e-6);
	const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
	const offsetX = (width - spanX * scale) / 2;
	const offsetY = (height - spanY * scale) / 2;
	return points.map((p) => [
		Math.round((offsetX + (p.lon - west) * kx * scale) * 10) / 10,
		Math.round((offsetY + (north - p.lat) * scale) * 10) / 10
	]);
}
