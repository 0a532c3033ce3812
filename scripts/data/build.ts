/**
 * `npm run data [-- --city komae] [--if-stale] [--strict] [--download] [--config FILE] [--out DIR]`
 * Reads ../shared/data/<city>/ (or BOSAI_OPEN_DATA_DIR/<city>/) and writes data/out/<city>/.
 */
import { join, resolve } from 'node:path';
import { cityConfigSchema } from '#lib/data/city-config.ts';
import { importCity } from './import-city.ts';
import { isFresh, openDataDir, parseArgs, readJson, repoRoot } from './io.ts';

const args = parseArgs(process.argv.slice(2));
const city = typeof args.get('city') === 'string' ? (args.get('city') as string) : 'komae';
const configPath = resolve(
	typeof args.get('config') === 'string'
		? (args.get('config') as string)
		: join(repoRoot, 'data/cities', `${city}.json`)
);
const outDir = resolve(
	typeof args.get('out') === 'string' ? (args.get('out') as string) : join(repoRoot, 'data/out', city)
);
const inputDir =
	typeof args.get('input') === 'string' ? resolve(args.get('input') as string) : openDataDir(city);

const outputs = ['shelters.json', 'towns.json', 'boundary.geojson', 'import-log.json'].map((f) =>
	join(outDir, f)
);
const inputs = [
	inputDir,
	configPath,
	join(repoRoot, 'scripts/data'),
	join(repoRoot, 'src/lib/data'),
	join(repoRoot, 'src/lib/domain')
];
if (args.has('if-stale') && isFresh(outputs, inputs)) {
	console.log(`data: ${city} is up to date`);
	process.exit(0);
}

try {
	const config = cityConfigSchema.parse(readJson(configPath));
	const summary = await importCity({
		config,
		city,
		inputDir,
		outDir,
		strict: args.has('strict'),
		download: args.has('download')
	});
	for (const row of summary.rejected)
		console.warn(`data: skipped ${row.file} line ${row.line}: ${row.reason}`);
	console.log(
		`data: ${city}: ${summary.shelters} shelters (${summary.duplicates} duplicates removed, ${summary.outside} outside the city, ${summary.rejected.length} rows rejected) → ${outDir}`
	);
} catch (error) {
	console.error(`data: ${city}: ${(error as Error).message}`);
	process.exit(1);
}
