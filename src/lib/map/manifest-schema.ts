/** The zod schema of the tiles manifest: imported lazily, so zod is not in a page's first JS. */
import { z } from '#lib/zod.ts';

const url = z.string().startsWith('/generated/map/');

export const bboxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]);

/** The light preview (tiles/preview.ts): one SVG per theme and the frame it was drawn in. */
export const previewSchema = z.object({
	light: url,
	dark: url,
	width: z.number().positive(),
	height: z.number().positive()
});

export const mapManifestSchema = z.object({
	city: z.string(),
	bbox: bboxSchema,
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
	/** Optional so a manifest from an older build still loads. */
	preview: previewSchema.optional(),
	attribution: z.array(z.string())
});
