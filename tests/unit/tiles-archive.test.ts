/**
 * `npm run tiles` on the real Komae data: the PMTiles archive is read back tile by tile with the
 * official `pmtiles` reader and decoded as MVT; layers, zooms and bounds cover Komae; the build
 * is byte-identical; glyphs and sprite are well-formed; everything stays under 5 MB.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../tiles/pmtiles-reader.ts';
import { latToTileY, lonToTileX } from '../../tiles/basemap.ts';

const root = resolve(import.meta.dirname, '../..');
const temp = (name: string) => mkdtempSync(join(tmpdir(), `bosai-tiles-${name}-`));
const komaeBbox = [139.561971, 35.618431, 139.594116, 35.650745];

function run(script: string, args: string[]) {
	const result = spawnSync(process.execPath, [resolve(root, script), ...args], {
		cwd: root,
		encoding: 'utf8'
	});
	if (result.status !== 0) throw new Error(result.stdout + result.stderr);
	return result.stdout;
}

const allFiles = (dir: string): string[] =>
	readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name).slice(dir.length))
		.sort();

interface ReadTile {
	z: number;
	x: number;
	y: number;
	layers: Record<string, { name?: string }[]>;
}

describe('npm run tiles', { timeout: 120_000 }, () => {
	const data = temp('data');
	const builds = [0, 1].map((n) => ({ out: temp(`out${n}`), static: temp(`static${n}`) }));
	let archive: Uint8Array;
	let manifest: Record<string, unknown>;
	const tiles: ReadTile[] = [];

	beforeAll(async () => {
		run('scripts/data/build.ts', ['--out', data]);
		for (const build of builds)
			run('tiles/build.ts', ['--data', data, '--out', build.out, '--static', build.static]);
		archive = new Uint8Array(readFileSync(join(builds[0].out, 'komae-basemap.pmtiles')));
		manifest = JSON.parse(readFileSync(join(builds[0].static, 'manifest.json'), 'utf8'));
		const reader = openArchive(archive);
		const header = await reader.getHeader();
		// Every tile position the header's bounds allow, at every zoom: all must be read back.
		for (let z = header.minZoom; z <= header.maxZoom; z++) {
			for (let x = lonToTileX(header.minLon, z); x <= lonToTileX(header.maxLon, z); x++) {
				for (let y = latToTileY(header.maxLat, z); y <= latToTileY(header.minLat, z); y++) {
					const tile = await reader.getZxy(z, x, y);
					if (!tile) continue;
					const decoded = new VectorTile(new PbfReader(new Uint8Array(tile.data)));
					const layers: ReadTile['layers'] = {};
					for (const [name, layer] of Object.entries(decoded.layers)) {
						layers[name] = Array.from(
							{ length: layer.length },
							(_, i) => layer.feature(i).properties as { name?: string }
						);
					}
					tiles.push({ z, x, y, layers });
				}
			}
		}
	}, 180_000);

	it('builds byte-identically', () => {
		expect(allFiles(builds[1].out)).toEqual(allFiles(builds[0].out));
		expect(allFiles(builds[1].static)).toEqual(allFiles(builds[0].static));
		for (const file of allFiles(builds[0].static)) {
			expect(
				readFileSync(join(builds[1].static, file)).equals(readFileSync(join(builds[0].static, file))),
				file
			).toBe(true);
		}
		expect(readFileSync(join(builds[1].out, 'komae-basemap.pmtiles')).equals(Buffer.from(archive))).toBe(
			true
		);
	});

	it('is PMTiles v3 whose every tile reads back as MVT with our layers at zooms 10–16', async () => {
		const header = await openArchive(archive).getHeader();
		expect(header).toMatchObject({ specVersion: 3, minZoom: 10, maxZoom: 16, tileType: 1 });
		expect(tiles.length).toBe(header.numAddressedTiles);
		expect(new Set(tiles.map((t) => t.z))).toEqual(new Set([10, 11, 12, 13, 14, 15, 16]));
		const layerNames = new Set(tiles.flatMap((t) => Object.keys(t.layers)));
		expect([...layerNames].sort()).toEqual([
			'boundary',
			'city_label',
			'railways',
			'roads',
			'stations',
			'towns',
			'waterways'
		]);
		const metadata = (await openArchive(archive).getMetadata()) as { attribution: string };
		expect(metadata.attribution).toContain('国土地理院');
		expect(metadata.attribution).toContain('© OpenStreetMap contributors');
	});

	it('covers Komae: bounds, all 41 町丁目 labels and the stations in the city', async () => {
		const header = await openArchive(archive).getHeader();
		expect(header.minLon).toBeLessThanOrEqual(komaeBbox[0]);
		expect(header.minLat).toBeLessThanOrEqual(komaeBbox[1]);
		expect(header.maxLon).toBeGreaterThanOrEqual(komaeBbox[2]);
		expect(header.maxLat).toBeGreaterThanOrEqual(komaeBbox[3]);
		for (const z of [10, 13, 16]) {
			const at = tiles.filter((t) => t.z === z && t.layers.boundary);
			const xs = at.map((t) => t.x);
			const ys = at.map((t) => t.y);
			expect(Math.min(...xs)).toBeLessThanOrEqual(lonToTileX(komaeBbox[0], z));
			expect(Math.max(...xs)).toBeGreaterThanOrEqual(lonToTileX(komaeBbox[2], z));
			expect(Math.min(...ys)).toBeLessThanOrEqual(latToTileY(komaeBbox[3], z));
			expect(Math.max(...ys)).toBeGreaterThanOrEqual(latToTileY(komaeBbox[1], z));
		}
		const towns = new Set(
			tiles.filter((t) => t.z === 16).flatMap((t) => (t.layers.towns ?? []).map((f) => f.name))
		);
		expect(towns.size).toBe(41);
		const stations = new Set(tiles.flatMap((t) => (t.layers.stations ?? []).map((f) => f.name)));
		for (const name of ['狛江', '和泉多摩川', '喜多見', '登戸']) expect(stations).toContain(name);
	});

	it('writes a manifest with hashed URLs, no hazards, glyphs, sprite and all credits', () => {
		expect(manifest).toMatchObject({ city: 'komae', minzoom: 10, maxzoom: 16, hazards: [] });
		expect(manifest.basemap).toMatch(/^\/generated\/map\/komae-basemap\.[0-9a-f]{12}\.pmtiles$/);
		expect(manifest.style).toMatch(/^\/generated\/map\/style\.[0-9a-f]{12}\.json$/);
		expect(manifest.attribution).toEqual(expect.arrayContaining(['Geolonia 住所データ（CC BY 4.0）']));
		const staticDir = builds[0].static;
		const style = JSON.parse(
			readFileSync(join(staticDir, String(manifest.style).replace('/generated/map/', '')), 'utf8')
		);
		expect(style.sources.basemap.url).toBe(`pmtiles://${manifest.basemap}`);
		const sprite = JSON.parse(readFileSync(join(staticDir, 'sprite.json'), 'utf8'));
		expect(Object.keys(sprite)).toEqual(
			expect.arrayContaining(['shelter', 'emergency_site', 'both', 'station'])
		);
		expect(readFileSync(join(staticDir, 'sprite.png')).subarray(1, 4).toString()).toBe('PNG');
	});

	it('ships Latin SDF glyphs from Noto Sans and empty ranges for CJK (drawn locally)', () => {
		const glyphs = (range: string) => {
			const bytes = readFileSync(join(builds[0].static, 'glyphs/Noto Sans Regular', `${range}.pbf`));
			const found: { id: number; width: number; height: number; bitmap: number }[] = [];
			new PbfReader(bytes).readFields((tag, _, pbf) => {
				if (tag !== 1) return;
				pbf.readMessage((stackTag, __, stack) => {
					if (stackTag !== 3) return;
					const glyph = { id: 0, width: 0, height: 0, bitmap: 0 };
					stack.readMessage((field, ___, g) => {
						if (field === 1) glyph.id = g.readVarint();
						else if (field === 2) glyph.bitmap = g.readBytes().length;
						else if (field === 3) glyph.width = g.readVarint();
						else if (field === 4) glyph.height = g.readVarint();
						// other fields are skipped by readFields
					}, glyph);
					found.push(glyph);
				}, undefined);
			}, undefined);
			return found;
		};
		const latin = glyphs('0-255');
		const k = latin.find((g) => g.id === 'K'.codePointAt(0));
		expect(k && k.width > 5 && k.height > 10).toBe(true);
		expect(k?.bitmap).toBe(((k?.width ?? 0) + 6) * ((k?.height ?? 0) + 6));
		expect(latin.length).toBeGreaterThan(180);
		expect(glyphs('26368-26623')).toEqual([]);
	});

	it('keeps all Komae map files under 5 MB', () => {
		const size = (dir: string) =>
			allFiles(dir).reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);
		expect(archive.length).toBeLessThan(5 * 1024 * 1024);
		expect(size(builds[0].static)).toBeLessThan(5 * 1024 * 1024);
	});
});
