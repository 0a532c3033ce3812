/**
 * Resident route JS size, gzipped, from the production client build: everything the browser loads
 * for `/` (Kit's start and app entries, the root layout and the home page nodes, their static
 * chunks, and the chunks they import lazily — MapLibre and its worker included). Target ≤ 350 kB.
 * Run: `npm run bench:resident-size` (builds first when the build output is missing; honours
 * BOSAI_KIT_OUT / BOSAI_BUILD_OUT like the tests).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { reportFigure } from './report.ts';

interface Chunk {
	file: string;
	src?: string;
	isEntry?: boolean;
	imports?: string[];
	dynamicImports?: string[];
	assets?: string[];
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
const roots = [
	startKey,
	appKey,
	nodeKeyFor('src/routes/+layout.svelte'),
	nodeKeyFor('src/routes/+page.svelte')
];

// Static imports of every root; lazy imports too, except the app entry's (those are other routes).
const seen = new Set<string>();
function visit(key: string, followDynamic: boolean) {
	if (seen.has(key) || !manifest[key]) return;
	seen.add(key);
	const chunk = manifest[key];
	for (const next of chunk.imports ?? []) visit(next, followDynamic);
	if (followDynamic) for (const next of chunk.dynamicImports ?? []) visit(next, true);
}
for (const root of roots) visit(root, root !== appKey);

const files = new Set([...seen].map((key) => manifest[key].file));
// MapLibre's worker is imported as a URL (?url) asset of the map chunk: it is part of the map.
for (const key of seen)
	for (const asset of manifest[key].assets ?? []) if (asset.endsWith('js')) files.add(asset);
const worker = Object.entries(manifest).find(([key]) => key.includes('maplibre-gl-worker'))?.[1].file;
if (worker && [...seen].some((key) => key.includes('maplibre-gl'))) files.add(worker);

let total = 0;
let maplibre = 0;
const rows: [string, number][] = [];
for (const file of files) {
	const size = gzipSync(readFileSync(join(clientDir, file)), { level: 9 }).length;
	total += size;
	const mapKey = Object.entries(manifest).find(([, chunk]) => chunk.file === file)?.[0] ?? '';
	if (mapKey.includes('maplibre-gl')) maplibre += size;
	rows.push([file, size]);
}
rows.sort((a, b) => b[1] - a[1]);
for (const [file, size] of rows.slice(0, 12))
	console.log(`${(size / 1024).toFixed(1).padStart(8)} kB  ${file}`);
console.log(`${files.size} files`);

const kB = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
reportFigure({
	name: 'resident / JS gzipped (incl. MapLibre + worker)',
	value: kB(total),
	unit: 'kB',
	target: '≤ 350',
	pass: total / 1024 <= 350,
	note: `${files.size} files from ${kitOut}`
});
const workerSize = rows.find(([file]) => file === worker)?.[1] ?? 0;
reportFigure({
	name: 'resident / JS on the main thread (MapLibre main, no worker)',
	value: kB(total - workerSize),
	unit: 'kB',
	target: '',
	pass: null
});
reportFigure({
	name: 'of which MapLibre (main + worker)',
	value: kB(maplibre),
	unit: 'kB',
	target: '',
	pass: null,
	note: 'maplibre-gl 6.17 alone gzips to ~295 kB (main) + ~147 kB (worker)'
});
reportFigure({
	name: 'resident / JS without MapLibre',
	value: kB(total - maplibre),
	unit: 'kB',
	target: '',
	pass: null
});
