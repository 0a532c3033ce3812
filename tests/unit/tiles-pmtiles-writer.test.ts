/**
 * Our PMTiles v3 writer against the official `pmtiles` reader, with synthetic tiles: many
 * distinct tiles (forcing leaf directories), repeated contents (stored once, run-length encoded)
 * and the header fields.
 */
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../tiles/pmtiles-reader.ts';
import { gzip, writeArchive, type TileInput } from '../../tiles/pmtiles-writer.ts';

const options = {
	minZoom: 0,
	maxZoom: 8,
	bounds: [-180, -85, 180, 85] as [number, number, number, number],
	center: [139.58, 35.63, 4] as [number, number, number],
	metadata: { name: 'synthetic' }
};
const payload = (text: string) => gzip(new TextEncoder().encode(text));

describe('PMTiles v3 writer', { timeout: 90_000 }, () => {
	it('writes leaf directories when the root would not fit, and every tile reads back', async () => {
		// Incompressible synthetic tiles of irregular sizes keep the directory from fitting the root.
		let seed = 1;
		const noise = (length: number) =>
			Uint8Array.from({ length }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256);
		const tiles: TileInput[] = [];
		const raw = new Map<string, Uint8Array>();
		for (let z = 0; z <= 7; z++) {
			for (let x = 0; x < 2 ** z; x++) {
				for (let y = 0; y < 2 ** z; y++) {
					const bytes = noise(8 + (seed % 300));
					raw.set(`${z}/${x}/${y}`, bytes);
					tiles.push({ z, x, y, data: gzip(bytes) });
				}
			}
		}
		const archive = writeArchive(tiles, { ...options, maxZoom: 7 });
		const view = new DataView(archive.buffer);
		expect(new TextDecoder().decode(archive.subarray(0, 7))).toBe('PMTiles');
		expect(archive[7]).toBe(3);
		expect(Number(view.getBigUint64(48, true))).toBeGreaterThan(0); // leaf directories present
		expect(Number(view.getBigUint64(16, true))).toBeLessThanOrEqual(16_384 - 127);

		const reader = openArchive(archive);
		const header = await reader.getHeader();
		expect(header).toMatchObject({ numAddressedTiles: tiles.length, minZoom: 0, maxZoom: 7 });
		for (const tile of tiles) {
			const read = await reader.getZxy(tile.z, tile.x, tile.y);
			expect(Buffer.from(read!.data).equals(Buffer.from(raw.get(`${tile.z}/${tile.x}/${tile.y}`)!))).toBe(
				true
			);
		}
		expect(await reader.getZxy(8, 0, 0)).toBeUndefined();
		expect(await reader.getMetadata()).toEqual({ name: 'synthetic' });
	});

	it('stores identical tiles once and encodes runs', async () => {
		const sea = payload('synthetic sea');
		const tiles: TileInput[] = [];
		for (let x = 0; x < 16; x++)
			for (let y = 0; y < 16; y++)
				tiles.push({ z: 4, x, y, data: x === 3 && y === 3 ? payload('synthetic land') : sea });
		const archive = writeArchive(tiles, { ...options, minZoom: 4, maxZoom: 4 });
		const reader = openArchive(archive);
		const header = await reader.getHeader();
		expect(header.numAddressedTiles).toBe(256);
		expect(header.numTileContents).toBe(2);
		expect(header.numTileEntries).toBeLessThan(256);
		expect(header.tileDataLength).toBe(sea.length + payload('synthetic land').length);
		const land = await reader.getZxy(4, 3, 3);
		expect(new TextDecoder().decode(new Uint8Array(land!.data))).toBe('synthetic land');
		const other = await reader.getZxy(4, 15, 0);
		expect(new TextDecoder().decode(new Uint8Array(other!.data))).toBe('synthetic sea');
		expect(header.centerLon).toBeCloseTo(139.58, 5);
	});

	it('writes the same bytes for the same input (gzip without timestamps)', () => {
		const tiles: TileInput[] = [{ z: 0, x: 0, y: 0, data: payload('synthetic') }];
		expect(Buffer.from(writeArchive(tiles, options)).equals(Buffer.from(writeArchive(tiles, options)))).toBe(
			true
		);
		expect(gunzipSync(payload('x')).toString()).toBe('x');
	});
});
