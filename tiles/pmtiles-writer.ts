/**
 * A small PMTiles v3 writer (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md):
 * nothing on npm writes v3, the `pmtiles` package only reads. Tiles are given already compressed
 * (gzip MVT); identical tiles are stored once; directories are gzip-compressed, with leaf
 * directories when the root would not fit the first 16 KiB.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';
import { concatBytes } from './bytes.ts';

export interface TileInput {
	z: number;
	x: number;
	y: number;
	/** The tile as stored (already gzip-compressed MVT). */
	data: Uint8Array;
}

export interface ArchiveOptions {
	minZoom: number;
	maxZoom: number;
	/** [west, south, east, north] in degrees. */
	bounds: [number, number, number, number];
	center: [number, number, number];
	metadata: Record<string, unknown>;
}

interface Entry {
	tileId: number;
	offset: number;
	length: number;
	runLength: number;
}

const headerLength = 127;
const rootLimit = 16_384 - headerLength;
const compressionGzip = 2;
const tileTypeMvt = 1;

/** gzip with fixed settings and no timestamp, so archives are byte-identical across builds. */
export function gzip(data: Uint8Array): Uint8Array {
	return new Uint8Array(gzipSync(data, { level: 9 }));
}

function pushVarint(out: number[], value: number): void {
	let rest = value;
	while (rest >= 0x80) {
		out.push((rest % 0x80) | 0x80);
		rest = Math.floor(rest / 0x80);
	}
	out.push(rest);
}

function encodeDirectory(entries: Entry[]): Uint8Array {
	const out: number[] = [];
	pushVarint(out, entries.length);
	let lastId = 0;
	for (const entry of entries) {
		pushVarint(out, entry.tileId - lastId);
		lastId = entry.tileId;
	}
	for (const entry of entries) pushVarint(out, entry.runLength);
	for (const entry of entries) pushVarint(out, entry.length);
	entries.forEach((entry, i) => {
		const previous = entries[i - 1];
		const contiguous = i > 0 && entry.offset === previous.offset + previous.length;
		pushVarint(out, contiguous ? 0 : entry.offset + 1);
	});
	return gzip(new Uint8Array(out));
}

/** Root and leaf directories; leaves are used only when the root alone is too big. */
function buildDirectories(entries: Entry[]): { root: Uint8Array; leaves: Uint8Array } {
	const root = encodeDirectory(entries);
	if (root.length <= rootLimit) return { root, leaves: new Uint8Array(0) };
	for (let leafSize = 4096; ; leafSize *= 2) {
		const rootEntries: Entry[] = [];
		const leafParts: Uint8Array[] = [];
		let offset = 0;
		for (let i = 0; i < entries.length; i += leafSize) {
			const leaf = encodeDirectory(entries.slice(i, i + leafSize));
			rootEntries.push({ tileId: entries[i].tileId, offset, length: leaf.length, runLength: 0 });
			leafParts.push(leaf);
			offset += leaf.length;
		}
		const leafRoot = encodeDirectory(rootEntries);
		if (leafRoot.length <= rootLimit) return { root: leafRoot, leaves: concatBytes(leafParts) };
	}
}

export function writeArchive(tiles: TileInput[], options: ArchiveOptions): Uint8Array {
	const sorted = tiles
		.map((tile) => ({ ...tile, tileId: zxyToTileId(tile.z, tile.x, tile.y) }))
		.sort((a, b) => a.tileId - b.tileId);
	const entries: Entry[] = [];
	const stored = new Map<string, { offset: number; length: number }>();
	const dataParts: Uint8Array[] = [];
	let dataLength = 0;
	for (const tile of sorted) {
		const hash = createHash('sha256').update(tile.data).digest('hex');
		let place = stored.get(hash);
		if (!place) {
			place = { offset: dataLength, length: tile.data.length };
			stored.set(hash, place);
			dataParts.push(tile.data);
			dataLength += tile.data.length;
		}
		const last = entries.at(-1);
		// A run: the next tile id pointing at the same bytes extends the previous entry.
		if (last && last.tileId + last.runLength === tile.tileId && last.offset === place.offset)
			last.runLength++;
		else entries.push({ tileId: tile.tileId, offset: place.offset, length: place.length, runLength: 1 });
	}

	const { root, leaves } = buildDirectories(entries);
	const metadata = gzip(new TextEncoder().encode(JSON.stringify(options.metadata)));
	const rootOffset = headerLength;
	const metadataOffset = rootOffset + root.length;
	const leavesOffset = metadataOffset + metadata.length;
	const dataOffset = leavesOffset + leaves.length;

	const header = new DataView(new ArrayBuffer(headerLength));
	new TextEncoder().encode('PMTiles').forEach((byte, i) => header.setUint8(i, byte));
	header.setUint8(7, 3);
	const u64 = (at: number, value: number) => header.setBigUint64(at, BigInt(value), true);
	u64(8, rootOffset);
	u64(16, root.length);
	u64(24, metadataOffset);
	u64(32, metadata.length);
	u64(40, leavesOffset);
	u64(48, leaves.length);
	u64(56, dataOffset);
	u64(64, dataLength);
	u64(72, sorted.length);
	u64(80, entries.length);
	u64(88, dataParts.length);
	header.setUint8(96, 1); // clustered: tile data is in tile-id order
	header.setUint8(97, compressionGzip);
	header.setUint8(98, compressionGzip);
	header.setUint8(99, tileTypeMvt);
	header.setUint8(100, options.minZoom);
	header.setUint8(101, options.maxZoom);
	const e7 = (at: number, degrees: number) => header.setInt32(at, Math.round(degrees * 1e7), true);
	e7(102, options.bounds[0]);
	e7(106, options.bounds[1]);
	e7(110, options.bounds[2]);
	e7(114, options.bounds[3]);
	header.setUint8(118, options.center[2]);
	e7(119, options.center[0]);
	e7(123, options.center[1]);

	return concatBytes([new Uint8Array(header.buffer), root, metadata, leaves, ...dataParts]);
}
