/**
 * `npm run tiles [-- --city komae] [--if-stale] [--osm FILE.osm.pbf] [--data DIR] [--out DIR] [--static DIR]`
 * Builds the basemap PMTiles (tiles/out/<city>/) and everything the map UI serves from
 * static/generated/map/: the archive (content-hashed), light and dark styles, Latin glyphs,
 * the icon sprite, the shelters overlay GeoJSON, hazard GeoJSON (only when imported) and
 * manifest.json. Every tile is read back with the `pmtiles` reader before anything is written.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { cityConfigSchema } from '#lib/data/city-config.ts';
import { dataCredits } from '#lib/data/credits.ts';
import { isFresh, openDataDir, parseArgs, readJson, repoRoot, writeJson } from '../scripts/data/io.ts';
import { basemapLayers, cutTiles } from './basemap.ts';
import { palettes } from '#lib/map/theme.ts';
import { previewFrame } from '#lib/map/preview-frame.ts';
import { buildGlyphs } from './glyphs.ts';
import { osmLayers } from './osm.ts';
import { writeArchive } from './pmtiles-writer.ts';
import { buildPreviewSvg } from './preview.ts';
import { buildSprite } from './sprite.ts';
import { buildStyle } from './style.ts';
import { verifyArchive } from './verify.ts';

export const minZoom = 10;
export const maxZoom = 16;

const args = parseArgs(process.argv.slice(2));
const city = typeof args.get('city') === 'string' ? (args.get('city') as string) : 'komae';

const configPath = join(repoRoot, 'data/cities', `${city}.json`);
const option = (name: string, fallback: string) => {
	const value = args.get(name);
	return typeof value === 'string' ? resolve(value) : fallback;
};
// --data / --out / --static let tests build into temporary folders.
const dataDir = option('data', join(repoRoot, 'data/out', city));
const tilesDir = option('out', join(repoRoot, 'tiles/out', city));
const staticDir = option('static', join(repoRoot, 'static/generated/map'));
const inputDir = openDataDir(city);
// --osm FILE, or the extract named in the city config (so `npm run dev` keeps using it).
const configuredOsm = (readJson(configPath) as { osm?: string }).osm;
const osm =
	typeof args.get('osm') === 'string'
		? resolve(args.get('osm') as string)
		: configuredOsm
			? join(inputDir, configuredOsm)
			: null;
const archiveName = `${city}-basemap.pmtiles`;

const outputs = [join(tilesDir, archiveName), join(staticDir, 'manifest.json')];
const inputs = [
	dataDir,
	inputDir,
	configPath,
	// The recipe itself (not its products in tiles/out/).
	...readdirSync(join(repoRoot, 'tiles'))
		.filter((name) => name.endsWith('.ts'))
		.map((name) => join(repoRoot, 'tiles', name)),
	join(repoRoot, 'src/lib/map/style.ts'),
	join(repoRoot, 'src/lib/map/theme.ts'),
	join(repoRoot, 'src/lib/map/preview-frame.ts'),
	join(repoRoot, 'src/lib/data/credits.ts'),
	...(osm ? [osm] : [])
];
if (args.has('if-stale') && isFresh(outputs, inputs)) {
	console.log(`tiles: ${city} is up to date`);
	process.exit(0);
}

function hashOf(bytes: Uint8Array | string): string {
	return createHash('sha256').update(bytes).digest('hex').slice(0, 12);
}

/** Writes a content-hashed file and returns its public URL. */
function writeHashed(name: string, ext: string, bytes: Uint8Array | string): string {
	const file = `${name}.${hashOf(bytes)}.${ext}`;
	writeFileSync(join(staticDir, file), bytes);
	return `/generated/map/${file}`;
}

try {
	if (!existsSync(join(dataDir, 'shelters.json')))
		throw new Error(`run \`npm run data\` first: ${dataDir} is missing`);
	const config = cityConfigSchema.parse(readJson(configPath));
	const sourcesOf = (role: string) =>
		config.sources
			.filter((s) => s.role === role)
			.map((s) => readJson(join(inputDir, s.file)) as FeatureCollection);
	const layers = basemapLayers({
		boundary: readJson(join(dataDir, 'boundary.geojson')) as FeatureCollection,
		towns: readJson(join(dataDir, 'towns.json')) as { name: string; lon: number; lat: number }[],
		stations: sourcesOf('stations'),
		railways: sourcesOf('railways'),
		waterways: sourcesOf('waterways'),
		roads: sourcesOf('roads'),
		city: { name: config.name, name_en: config.name_en },
		extra: osm ? osmLayers(osm, config.bbox) : undefined
	});

	const usedCredits = new Set([...config.sources.map((s) => s.id), ...(osm ? ['osm'] : [])]);
	const attribution = dataCredits
		.filter((credit) => usedCredits.has(credit.id))
		.map((credit) => credit.credit);
	const tiles = cutTiles(layers, config.bbox, minZoom, maxZoom);
	const archive = writeArchive(tiles, {
		minZoom,
		maxZoom,
		bounds: config.bbox,
		center: [config.center[0], config.center[1], 14],
		metadata: {
			name: `${config.name} basemap`,
			format: 'pbf',
			attribution: attribution.join(' / '),
			vector_layers: Object.keys(layers).map((id) => ({ id, fields: {} }))
		}
	});
	const check = await verifyArchive(archive, tiles);

	mkdirSync(tilesDir, { recursive: true });
	writeFileSync(join(tilesDir, archiveName), archive);
	rmSync(staticDir, { recursive: true, force: true });
	mkdirSync(staticDir, { recursive: true });
	const basemap = writeHashed(`${city}-basemap`, 'pmtiles', archive);
	buildGlyphs(repoRoot, join(staticDir, 'glyphs'));
	buildSprite(staticDir);

	const glyphs = '/generated/map/glyphs/{fontstack}/{range}.pbf';
	const sprite = '/generated/map/sprite';
	const styleInput = {
		basemap,
		glyphs,
		sprite,
		attribution,
		minzoom: minZoom,
		maxzoom: maxZoom,
		bounds: config.bbox
	};
	const style = writeHashed('style', 'json', JSON.stringify(buildStyle({ ...styleInput, theme: 'light' })));
	const styleDark = writeHashed(
		'style-dark',
		'json',
		JSON.stringify(buildStyle({ ...styleInput, theme: 'dark' }))
	);

	const frame = previewFrame(config.bbox);
	const preview = {
		light: writeHashed('preview', 'svg', buildPreviewSvg(layers, frame, palettes.light)),
		dark: writeHashed('preview-dark', 'svg', buildPreviewSvg(layers, frame, palettes.dark)),
		width: frame.width,
		height: frame.height
	};

	const shelters = readJson(join(dataDir, 'shelters.json')) as { shelters: Record<string, unknown>[] };
	const shelterGeojson = JSON.stringify({
		type: 'FeatureCollection',
		features: shelters.shelters.map(({ lon, lat, ...properties }) => ({
			type: 'Feature',
			properties,
			geometry: { type: 'Point', coordinates: [lon, lat] }
		}))
	});
	const sheltersUrl = writeHashed('shelters', 'geojson', shelterGeojson);

	const hazards = [];
	const hazardDir = join(dataDir, 'hazards');
	if (existsSync(hazardDir)) {
		mkdirSync(join(staticDir, 'hazards'), { recursive: true });
		for (const file of readdirSync(hazardDir).sort()) {
			const id = basename(file, '.geojson');
			const source = config.hazards.find((h) => h.id === id);
			if (!source) continue;
			const target = join(staticDir, 'hazards', file);
			copyFileSync(join(hazardDir, file), target);
			hazards.push({
				id,
				type: source.type,
				url: `/generated/map/hazards/${file}`,
				source: source.publisher,
				edition: source.edition
			});
		}
	}

	writeJson(join(staticDir, 'manifest.json'), {
		city,
		bbox: config.bbox,
		center: config.center,
		minzoom: minZoom,
		maxzoom: maxZoom,
		basemap,
		hazards,
		style,
		style_dark: styleDark,
		glyphs,
		sprite,
		shelters: sheltersUrl,
		preview,
		attribution
	});
	const perZoom = Object.entries(check.perZoom)
		.map(([z, n]) => `z${z}:${n}`)
		.join(' ');
	console.log(
		`tiles: ${city}: ${check.tiles} tiles (${perZoom}), ${archive.length} bytes → ${tilesDir}, ${staticDir}`
	);
} catch (error) {
	console.error(`tiles: ${city}: ${(error as Error).message}`);
	process.exit(1);
}
