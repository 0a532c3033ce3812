/**
 * `npm run tiles -- --osm FILE.osm.pbf`: a SYNTHETIC OpenStreetMap extract (one street, one
 * building; tests/fixtures/synthetic/synthetic-extract.osm, made up) becomes `streets` and
 * `buildings` layers. Needs osmium-tool (Debian `osmium-tool`); without it the command must stop
 * with the install instruction, which is what this test then checks.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../tiles/pmtiles-reader.ts';
import { latToTileY, lonToTileX } from '../../tiles/basemap.ts';

const root = resolve(import.meta.dirname, '../..');
const hasOsmium = spawnSync('osmium', ['--version']).status === 0;
const temp = () => mkdtempSync(join(tmpdir(), 'bosai-osm-'));
const node = (args: string[]) => spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });

describe('tiles from an OpenStreetMap extract', { timeout: 120_000 }, () => {
	it(
		hasOsmium ? 'adds streets and buildings layers' : 'stops with the osmium-tool install instruction',
		async () => {
			const dir = temp();
			const data = join(dir, 'data');
			expect(node(['scripts/data/build.ts', '--out', data]).status).toBe(0);
			const pbf = join(dir, 'synthetic.osm.pbf');
			if (hasOsmium) {
				const osm = resolve(root, 'tests/fixtures/synthetic/synthetic-extract.osm');
				expect(spawnSync('osmium', ['cat', osm, '-o', pbf, '--overwrite']).status).toBe(0);
			}
			const run = node([
				'tiles/build.ts',
				'--osm',
				pbf,
				'--data',
				data,
				'--out',
				join(dir, 'out'),
				'--static',
				join(dir, 'static')
			]);
			if (!hasOsmium) {
				expect(run.status).toBe(1);
				expect(run.stderr).toContain('apt-get install osmium-tool');
				return;
			}
			expect(run.status).toBe(0);
			const reader = openArchive(new Uint8Array(readFileSync(join(dir, 'out', 'komae-basemap.pmtiles'))));
			const tile = await reader.getZxy(16, lonToTileX(139.575, 16), latToTileY(35.631, 16));
			const layers = new VectorTile(new PbfReader(new Uint8Array(tile!.data))).layers;
			expect(layers.streets.feature(0).properties).toEqual({ class: 'residential', name: '合成通り' });
			const buildingTile = await reader.getZxy(16, lonToTileX(139.5782, 16), latToTileY(35.6351, 16));
			const buildings = new VectorTile(new PbfReader(new Uint8Array(buildingTile!.data))).layers.buildings;
			expect(buildings.length).toBe(1);
			expect(buildings.feature(0).type).toBe(3);
			const metadata = (await reader.getMetadata()) as { attribution: string };
			expect(metadata.attribution).toContain('© OpenStreetMap contributors');
		}
	);
});
