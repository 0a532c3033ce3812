/** The committed configuration of one city's open-data import (data/cities/<city>.json). */
import { z } from '#lib/zod.ts';

const source = z.object({
	/** Credit id in src/lib/data/credits.ts. */
	id: z.string().min(1),
	role: z.enum([
		'emergency-sites',
		'designated-shelters',
		'opendata-emergency-csv',
		'boundary',
		'towns',
		'stations',
		'railways',
		'waterways',
		'roads'
	]),
	/** File name inside the city's open-data folder. */
	file: z.string().min(1),
	format: z.string().min(1),
	publisher: z.string().min(1),
	licence: z.string().min(1),
	edition: z.string().min(1),
	url: z.url(),
	/** Official download URL: fetched only with `--download` when the file is missing. */
	download: z.url().optional()
});
export type CitySource = z.infer<typeof source>;

export const hazardSourceSchema = z.object({
	id: z.string().regex(/^[a-z0-9-]+$/),
	type: z.enum(['flood', 'inland_flood', 'landslide']),
	/** Official schema of the file: 国土数値情報 A31a, its 内水 equivalent, or A33. */
	schema: z.enum(['A31a', 'inland', 'A33']),
	scenario: z.string().optional(),
	file: z.string().min(1),
	publisher: z.string().min(1),
	licence: z.string().min(1),
	edition: z.string().min(1),
	url: z.url(),
	download: z.url().optional()
});
export type HazardSource = z.infer<typeof hazardSourceSchema>;

export const cityConfigSchema = z.object({
	/** 全国地方公共団体コード with check digit (6 digits). */
	code: z.string().regex(/^\d{6}$/),
	code5: z.string().regex(/^\d{5}$/),
	name: z.string().min(1),
	name_en: z.string().min(1),
	prefecture: z.string().min(1),
	bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
	center: z.tuple([z.number(), z.number()]),
	sources: z.array(source).min(1),
	hazards: z.array(hazardSourceSchema),
	/** Optional OpenStreetMap extract (.osm.pbf) in the open-data folder: adds streets and buildings. */
	osm: z.string().min(1).optional()
});
export type CityConfig = z.infer<typeof cityConfigSchema>;

/** Build time derived from the inputs, never the clock, so rebuilds are byte-identical. */
export function generatedAt(config: CityConfig): string {
	const dates = [...config.sources, ...config.hazards]
		.map((s) => s.edition)
		.filter((edition) => /^\d{4}-\d{2}-\d{2}$/.test(edition))
		.sort();
	const latest = dates.at(-1) ?? '1970-01-01';
	return `${latest}T00:00:00.000Z`;
}
