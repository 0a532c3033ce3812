/**
 * Resident route JS size, gzipped, from the production client build, in two parts (issue 15):
 * - before the map: what `/` loads to show its text (Kit's start and app entries with Kit's client
 *   entry, the root layout and the home page nodes, and their static imports). Budget ≤ 120 kB.
 * - the map: the lazy map engine chunk (src/lib/map/engine.ts: MapLibre, PMTiles, its CSS) and
 *   MapLibre's worker, loaded after first paint.
 * Other lazy chunks (Supabase mode only, the shelter page's QR code, other routes) are not part of
 * a visit to `/`. Run: `npm run bench:resident-size` (builds first when the build output is
 * missing; honours BOSAI_KIT_OUT / BOSAI_BUILD_OUT like the tests).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { reportBudget, reportFigure } from './report.ts';

interface Chunk {
	file: string;
	src?: string;
	isEntry?: boolean;
	imports?: string[];
	dynamicImports?: string[];
	assets?: string[];
	css?: string[];
}

const kitOut = resolve(process.env.BOSAI_KIT_OUT ?? '.svelte-kit');
const clientDir = join(kitOut, 'output/client');
const manifestFile = join(clientDir, '.vite/manifest.json');
if (!existsSync(manifestFile)) {
	const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
	if (build.status !== 0) process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, Chunk>;

/** Which generated node module re-exports a given route file (nodes/N.js → src/routes/…). */
function nodeKeyFor(routeFile: string): string {
	const nodesDir = join(kitOut, 'generated/build/client-optimized/nodes');
	for (const file of readdirSync(nodesDir)) {
		if (readFileSync(join(nodesDir, file), 'utf8').includes(`/${routeFile}"`)) {
			const key = Object.keys(manifest).find((k) => k.endsWith(`client-optimized/nodes/${file}`));
			if (key) return key;
		}
	}
	throw new Error(`no client node for ${routeFile}`);
}

const appKey = Object.keys(manifest).find((k) => k.endsWith('client-optimized/app.js'))!;
const startKey = Object.keys(manifest).find((k) => k.endsWith('runtime/client/entry.js'))!;
const engineKey = Object.keys(manifest).find((k) => k.endsWith('src/lib/map/engine.ts'));
if (!engineKey) throw new Error('no lazy map engine chunk (src/lib/map/engine.ts) in the build');
const roots = [
	startKey,
	appKey,
	nodeKeyFor('src/routes/+layout.svelte'),
	nodeKeyFor('src/routes/+page.svelte')
];

/** Static imports of `keys`; the start entry's lazy import (Kit's client entry) always loads too. */
function closure(keys: string[], seen = new Set<string>()): Set<string> {
	const visit = (key: string) => {
		if (seen.has(key) || !manifest[key]) return;
		seen.add(key);
		const chunk = manifest[key];
		for (const next of chunk.imports ?? []) visit(next);
		if (key === startKey) for (const next of chunk.dynamicImports ?? []) visit(next);
	};
	keys.forEach(visit);
	return seen;
}

const gz = (file: string) => gzipSync(readFileSync(join(clientDir, file)), { level: 9 }).length;
const before = closure(roots);
const beforeFiles = new Set([...before].map((key) => manifest[key].file));
const mapKeys = [...closure([engineKey])].filter((key) => !before.has(key));
const mapFiles = new Set(mapKeys.map((key) => manifest[key].file));
// MapLibre's worker is imported as a URL (?url) asset of the map engine: it is part of the map.
for (const key of mapKeys)
	for (const asset of manifest[key].assets ?? []) if (/\.m?js$/.test(asset)) mapFiles.add(asset);
const cssBefore = [...before].flatMap((key) => manifest[key].css ?? []);

const rows: [string, number, string][] = [];
let beforeBytes = 0;
let mapBytes = 0;
for (const file of beforeFiles) {
	const size = gz(file);
	beforeBytes += size;
	rows.push([file, size, 'before map']);
}
for (const file of mapFiles) {
	const size = gz(file);
	mapBytes += size;
	rows.push([file, size, 'map']);
}
rows.sort((a, b) => b[1] - a[1]);
for (const [file, size, part] of rows.slice(0, 14))
	console.log(`${(size / 1024).toFixed(1).padStart(8)} kB  ${part.padEnd(10)}  ${file}`);
const cssBytes = [...new Set(cssBefore)].reduce((sum, file) => sum + gz(file), 0);

const kB = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
reportBudget({
	name: 'resident / JS before the map (gzip)',
	value: kB(beforeBytes),
	unit: 'kB',
	target: '≤ 120',
	pass: beforeBytes / 1024 <= 120,
	note: `${beforeFiles.size} files from ${kitOut}`
});
reportFigure({
	name: 'resident / CSS before the map (gzip)',
	value: kB(cssBytes),
	unit: 'kB',
	target: '',
	pass: null
});
reportFigure({
	name: 'resident / the map: engine + MapLibre worker (gzip, after first paint)',
	value: kB(mapBytes),
	unit: 'kB',
	target: '',
	pass: null,
	note: 'maplibre-gl 6.17 alone gzips to ~295 kB (main) + ~147 kB (worker)'
});
