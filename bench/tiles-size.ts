/**
 * Size of the Komae map build (`npm run bench:tiles`): builds data and tiles from the real open
 * data into a temporary folder, then reads the archive back and prints its size, the tile count
 * per zoom, the size of everything served under /generated/map, and the compression ratio
 * against the in-run baseline of the same tiles uncompressed. Target: all PMTiles ≤ 5 MB.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { latToTileY, lonToTileX } from '../tiles/basemap.ts';
import { openArchive } from '../tiles/pmtiles-reader.ts';
import { reportFigure } from './report.ts';

const work = mkdtempSync(join(tmpdir(), 'bosai-bench-tiles-'));
const [data, out, served] = ['data', 'out', 'static'].map((name) => join(work, name));

function run(script: string, args: string[]): void {
	const result = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
	if (result.status !== 0) throw new Error(result.stdout + result.stderr);
}

run('scripts/data/build.ts', ['--out', data]);
const started = performance.now();
run('tiles/build.ts', ['--data', data, '--out', out, '--static', served]);
const buildMs = performance.now() - started;

const archives = readdirSync(out).filter((file) => file.endsWith('.pmtiles'));
let totalArchive = 0;
for (const file of archives) {
	const bytes = new Uint8Array(readFileSync(join(out, file)));
	totalArchive += bytes.length;
	const reader = openArchive(bytes);
	const header = await reader.getHeader();
	const perZoom: Record<number, { tiles: number; gzip: number; raw: number }> = {};
	for (let z = header.minZoom; z <= header.maxZoom; z++) {
		perZoom[z] = { tiles: 0, gzip: 0, raw: 0 };
		for (let x = lonToTileX(header.minLon, z); x <= lonToTileX(header.maxLon, z); x++) {
			for (let y = latToTileY(header.maxLat, z); y <= latToTileY(header.minLat, z); y++) {
				const tile = await reader.getZxy(z, x, y);
				if (!tile) continue;
				perZoom[z].tiles++;
				perZoom[z].raw += tile.data.byteLength;
			}
		}
	}
	// The stored (gzip) size per tile comes from the archive's data section as a whole.
	const raw = Object.values(perZoom).reduce((sum, zoom) => sum + zoom.raw, 0);
	console.log(
		`${file}: ${bytes.length} bytes, ${header.numAddressedTiles} tiles, ${header.numTileContents} distinct`
	);
	for (const [z, zoom] of Object.entries(perZoom)) {
		console.log(`  z${z}: ${zoom.tiles} tiles, ${zoom.raw} bytes uncompressed MVT`);
		reportFigure({ name: `${file} z${z} tiles`, value: zoom.tiles, unit: 'tiles', target: '', pass: null });
	}
	reportFigure({
		name: `${file} gzip vs uncompressed MVT (baseline)`,
		value: raw / (header.tileDataLength ?? 0),
		unit: '×',
		target: '',
		pass: null,
		note: `${raw} → ${header.tileDataLength ?? 0} bytes of tile data`
	});
}

const files = readdirSync(served, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
const servedBytes = files.reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
const limit = 5 * 1024 * 1024;
reportFigure({
	name: 'Komae PMTiles total',
	value: totalArchive,
	unit: 'bytes',
	target: '≤ 5242880',
	pass: totalArchive <= limit
});
reportFigure({
	name: '/generated/map total (archive, styles, glyphs, sprite, shelters)',
	value: servedBytes,
	unit: 'bytes',
	target: '',
	pass: null,
	note: `${files.length} files`
});
reportFigure({ name: 'tile build time', value: buildMs, unit: 'ms', target: '', pass: null });
