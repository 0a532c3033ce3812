/** static/generated/map/manifest.json (written by `npm run tiles`, see docs/architecture.md). */
import { z } from 'zod';

const url = z.string().startsWith('/generated/map/');

export const mapManifestSchema = z.object({
	city: z.string(),
	bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
	center: z.tuple([z.number(), z.number()]),
	minzoom: z.number().int(),
	maxzoom: z.number().int(),
	basemap: url,
	hazards: z.array(
		z.object({
			id: z.string(),
			type: z.enum(['flood', 'inland_flood', 'landslide']),
			url,
			source: z.string(),
			edition: z.string()
		})
	),
	style: url,
	style_dark: url,
	glyphs: url,
	sprite: url,
	shelters: url,
	attribution: z.array(z.string())
});
export type MapManifest = z.infer<typeof mapManifestSchema>;

export const manifestUrl = '/generated/map/manifest.json';

/** The manifest, or null when the tiles were never built (the UI then says so). */
export async function loadMapManifest(fetcher: typeof fetch = fetch): Promise<MapManifest | null> {
	const response = await fetcher(manifestUrl);
	if (!response.ok) return null;
	return mapManifestSchema.parse(await response.json());
}
