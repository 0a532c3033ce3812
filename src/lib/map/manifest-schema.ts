/** The zod schema of the tiles manifest: imported lazily, so zod is not in a page's first JS. */
import { z } from '#lib/zod.ts';

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
	/** The light preview (tiles/preview.ts); optional so a manifest from an older build still loads. */
	preview: z
		.object({ light: url, dark: url, width: z.number().positive(), height: z.number().positive() })
		.optional(),
	attribution: z.array(z.string())
});
