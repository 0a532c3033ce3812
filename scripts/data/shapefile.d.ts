// The part of npm `shapefile` 0.6 (no bundled types) that the hazard importer uses.
declare module 'shapefile' {
	export function read(
		shp: ArrayBuffer | Uint8Array | string,
		dbf?: ArrayBuffer | Uint8Array | string,
		options?: { encoding?: string }
	): Promise<{ type: 'FeatureCollection'; features: unknown[]; bbox?: number[] }>;
}
