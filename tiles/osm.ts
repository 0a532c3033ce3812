/**
 * Optional OpenStreetMap extract (.osm.pbf) → `streets` and `buildings` layers, through
 * osmium-tool (Debian package `osmium-tool`). The extract is cut to the city bbox first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import type { LayerSet } from './basemap.ts';

/** geojsonseq (RFC 8142) starts each record with an ASCII record separator. */
const recordSeparator = String.fromCharCode(0x1e);

function run(args: string[]): void {
	const result = spawnSync('osmium', args, { encoding: 'utf8' });
	if (result.error) {
		throw new Error(
			'osmium-tool is not installed: `apt-get install osmium-tool`, then run `npm run tiles -- --osm FILE.osm.pbf` again'
		);
	}
	if (result.status !== 0) throw new Error(`osmium ${args[0]} failed: ${result.stderr}`);
}

export function osmLayers(pbfPath: string, bbox: [number, number, number, number]): LayerSet {
	const dir = mkdtempSync(join(tmpdir(), 'bosai-osm-'));
	try {
		const cut = join(dir, 'cut.osm.pbf');
		const filtered = join(dir, 'filtered.osm.pbf');
		const out = join(dir, 'out.geojsonseq');
		run([
			'extract',
			'--bbox',
			bbox.join(','),
			'--strategy',
			'complete_ways',
			'-o',
			cut,
			'--overwrite',
			pbfPath
		]);
		run(['tags-filter', cut, 'w/highway', 'w/building', 'a/building', '-o', filtered, '--overwrite']);
		run(['export', filtered, '-f', 'geojsonseq', '-o', out, '--overwrite']);
		const streets: Feature[] = [];
		const buildings: Feature[] = [];
		for (const line of readFileSync(out, 'utf8').split('\n')) {
			const text = line.replaceAll(recordSeparator, '').trim();
			if (!text) continue;
			const feature = JSON.parse(text) as Feature;
			const tags = feature.properties ?? {};
			if (tags.building && feature.geometry.type.endsWith('Polygon')) {
				buildings.push({ type: 'Feature', properties: {}, geometry: feature.geometry });
			} else if (tags.highway && feature.geometry.type.endsWith('LineString')) {
				const properties: Record<string, string> = { class: String(tags.highway) };
				if (tags.name) properties.name = String(tags.name);
				streets.push({ type: 'Feature', properties, geometry: feature.geometry });
			}
		}
		const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
		return { streets: fc(streets), buildings: fc(buildings) };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
