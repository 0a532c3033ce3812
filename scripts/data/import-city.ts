/**
 * Imports one city's open data into data/out/<city>/: shelters.json, towns.json,
 * boundary.geojson, hazards/*.geojson (only when hazard sources are configured) and
 * import-log.json. Deterministic: the same inputs give byte-identical files.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readBoundary, insideTest } from '#lib/data/boundary.ts';
import { generatedAt, type CityConfig, type CitySource } from '#lib/data/city-config.ts';
import { parseGsiShelters } from '#lib/data/gsi.ts';
import type { RejectedRow, SourceEntry } from '#lib/data/import-types.ts';
import { parseOpenDataCsv } from '#lib/data/opendata-csv.ts';
import { mergeShelters } from '#lib/data/shelter-merge.ts';
import { parseGeoloniaTowns } from '#lib/data/towns.ts';
import { importHazards } from '#lib/data/hazard-zones.ts';
import { downloadTo } from './download.ts';
import { readHazardFile } from './hazard-file.ts';
import { readJson, writeJson } from './io.ts';

export interface ImportOptions {
	config: CityConfig;
	city: string;
	inputDir: string;
	outDir: string;
	/** Fail on the first bad row instead of skipping and reporting it. */
	strict?: boolean;
	/** Fetch missing files from their configured official URL. */
	download?: boolean;
}

export interface ImportSummary {
	shelters: number;
	rejected: RejectedRow[];
	duplicates: number;
	outside: number;
}

/** Where a source file is read from: the open-data folder, or the download cache. */
async function locate(options: ImportOptions, source: { file: string; download?: string }): Promise<string> {
	const local = join(options.inputDir, source.file);
	if (existsSync(local)) return local;
	const cached = join(options.outDir, 'downloads', source.file);
	if (options.download && source.download) {
		await downloadTo(source.download, cached);
		return cached;
	}
	if (existsSync(cached)) return cached;
	const hint = source.download ? ' (or run with --download)' : '';
	throw new Error(`missing open-data file ${local}${hint}`);
}

function sourcesOf(config: CityConfig, role: CitySource['role']): CitySource[] {
	return config.sources.filter((source) => source.role === role);
}

export async function importCity(options: ImportOptions): Promise<ImportSummary> {
	const { config, outDir } = options;
	const rejected: RejectedRow[] = [];
	const entries: SourceEntry[] = [];

	const [boundarySource] = sourcesOf(config, 'boundary');
	if (!boundarySource) throw new Error('config has no boundary source');
	const boundary = readBoundary(readJson(await locate(options, boundarySource)));

	for (const source of config.sources) {
		const list =
			source.role === 'emergency-sites'
				? 'emergency'
				: source.role === 'designated-shelters'
					? 'designated'
					: null;
		if (source.role === 'opendata-emergency-csv') {
			const text = readFileSync(await locate(options, source), 'utf8');
			const parsed = parseOpenDataCsv(text, source.file, source.id);
			entries.push(...parsed.entries);
			rejected.push(...parsed.rejected);
		} else if (list) {
			const parsed = parseGsiShelters(
				readJson(await locate(options, source)),
				list,
				source.file,
				source.id,
				config.code5
			);
			entries.push(...parsed.entries);
			rejected.push(...parsed.rejected);
		}
	}

	const townSources = sourcesOf(config, 'towns');
	const towns = [];
	for (const source of townSources) {
		const parsed = parseGeoloniaTowns(readJson(await locate(options, source)), source.file);
		towns.push(...parsed.towns);
		rejected.push(...parsed.rejected);
	}

	if (options.strict && rejected.length) {
		const first = rejected[0];
		throw new Error(`${first.file} line ${first.line}: ${first.reason} (${rejected.length} bad rows)`);
	}

	const merged = mergeShelters(entries, insideTest(boundary));
	const generated_at = generatedAt(config);
	const sources = config.sources.map(({ id, role, file, publisher, licence, edition, url }) => ({
		id,
		role,
		file,
		publisher,
		licence,
		edition,
		url
	}));
	const city = { code: config.code, name: config.name };

	writeJson(join(outDir, 'shelters.json'), { city, generated_at, sources, shelters: merged.shelters });
	writeJson(join(outDir, 'towns.json'), towns);
	const boundaryOut = {
		type: 'FeatureCollection',
		features: [
			{
				type: 'Feature',
				properties: {
					code: config.code,
					name: config.name,
					source: boundarySource.id,
					edition: boundarySource.edition
				},
				geometry: boundary.geometry
			}
		]
	};
	writeJson(join(outDir, 'boundary.geojson'), boundaryOut, false);

	rmSync(join(outDir, 'hazards'), { recursive: true, force: true });
	const hazardLog = [];
	for (const hazard of config.hazards) {
		const result = importHazards(await readHazardFile(await locate(options, hazard)), hazard, boundary);
		rejected.push(...result.rejected.map((row) => ({ ...row, file: hazard.file })));
		writeJson(join(outDir, 'hazards', `${hazard.id}.geojson`), result.collection, false);
		hazardLog.push({
			id: hazard.id,
			type: hazard.type,
			zones: result.collection.features.length,
			...result.stats
		});
	}

	const counts = {
		rows_read: entries.length + rejected.length,
		rows_rejected: rejected.length,
		emergency_rows: entries.filter((e) => e.list === 'emergency').length,
		designated_rows: entries.filter((e) => e.list === 'designated').length,
		duplicates_removed: merged.log.duplicates_removed.length,
		shelters: merged.shelters.length,
		both: merged.shelters.filter((s) => s.kind === 'both').length,
		emergency_only: merged.shelters.filter((s) => s.kind === 'emergency_site').length,
		shelter_only: merged.shelters.filter((s) => s.kind === 'shelter').length,
		outside_city: merged.log.outside_city.length,
		towns: towns.length
	};
	writeJson(join(outDir, 'import-log.json'), {
		city,
		generated_at,
		counts,
		rejected,
		...merged.log,
		hazards: hazardLog
	});
	return {
		shelters: merged.shelters.length,
		rejected,
		duplicates: merged.log.duplicates_removed.length,
		outside: merged.log.outside_city.length
	};
}
