/**
 * Reads every tile of an archive back with the official `pmtiles` reader and checks it equals
 * what was written (after the reader's own decompression), and that the header matches.
 */
import { gunzipSync } from 'node:zlib';
import { openArchive } from './pmtiles-reader.ts';
import type { TileInput } from './pmtiles-writer.ts';

export interface VerifyResult {
	tiles: number;
	perZoom: Record<number, number>;
}

export async function verifyArchive(archive: Uint8Array, tiles: TileInput[]): Promise<VerifyResult> {
	const reader = openArchive(archive);
	const header = await reader.getHeader();
	if (header.specVersion !== 3) throw new Error(`archive is not PMTiles v3 (${header.specVersion})`);
	if (header.numAddressedTiles !== tiles.length)
		throw new Error(`header counts ${header.numAddressedTiles} tiles, wrote ${tiles.length}`);
	const perZoom: Record<number, number> = {};
	for (const tile of tiles) {
		const read = await reader.getZxy(tile.z, tile.x, tile.y);
		if (!read) throw new Error(`tile ${tile.z}/${tile.x}/${tile.y} missing on read-back`);
		const expected = gunzipSync(tile.data);
		if (!Buffer.from(read.data).equals(expected))
			throw new Error(`tile ${tile.z}/${tile.x}/${tile.y} differs on read-back`);
		perZoom[tile.z] = (perZoom[tile.z] ?? 0) + 1;
	}
	return { tiles: tiles.length, perZoom };
}
