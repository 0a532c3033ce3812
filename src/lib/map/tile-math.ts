/**
 * Web Mercator, shared by the tile build, the offline tile keeper and the light map preview:
 * positions in world units (0–1 across, 0 at the north edge) and XYZ tile numbers.
 */
export function mercatorX(lon: number): number {
	return (lon + 180) / 360;
}

export function mercatorY(lat: number): number {
	const rad = (lat * Math.PI) / 180;
	return (1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2;
}

export function lonToTileX(lon: number, z: number): number {
	return Math.floor(mercatorX(lon) * 2 ** z);
}

export function latToTileY(lat: number, z: number): number {
	return Math.floor(mercatorY(lat) * 2 ** z);
}

/** Every tile covering `bbox` ([w, s, e, n]) at zooms minZoom..maxZoom. */
export function tilesInBbox(
	bbox: readonly [number, number, number, number],
	minZoom: number,
	maxZoom: number
): { z: number; x: number; y: number }[] {
	const [west, south, east, north] = bbox;
	const tiles: { z: number; x: number; y: number }[] = [];
	for (let z = minZoom; z <= maxZoom; z++) {
		for (let x = lonToTileX(west, z); x <= lonToTileX(east, z); x++) {
			for (let y = latToTileY(north, z); y <= latToTileY(south, z); y++) tiles.push({ z, x, y });
		}
	}
	return tiles;
}
