/**
 * The light map preview's URLs and frame, read from the tiles manifest on the server so the
 * resident page's first HTML already draws it (no wait for the page's JS, the manifest and zod).
 * Read from disk, not fetched: an SSR fetch of a static file would be an HTTP request to ourselves.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from '#lib/zod.ts';
import { bboxSchema, previewSchema } from '#lib/map/manifest-schema.ts';
import type { MapPreviewInfo } from '#lib/map/preview-frame.ts';

/** The part of the tiles manifest the preview needs (manifest-schema.ts), the preview required. */
const manifestPreviewSchema = z.object({
	bbox: bboxSchema,
	preview: previewSchema,
	attribution: z.array(z.string())
});

/**
 * The manifest as the server serves it: `build/client/…` beside the production server's chunks,
 * `static/…` in the repository under `vite dev`. Found by walking up from this module.
 */
function manifestFile(): string | null {
	let dir = dirname(fileURLToPath(import.meta.url));
	for (let depth = 0; depth < 8; depth++) {
		for (const candidate of ['client/generated/map/manifest.json', 'static/generated/map/manifest.json']) {
			if (existsSync(join(dir, candidate))) return join(dir, candidate);
		}
		const parent = dirname(dir);
		if (parent === dir) break;
		dir = parent;
	}
	return null;
}

/** Read once in production (the build's manifest does not change under a running server). */
let cached: MapPreviewInfo | null | undefined;

/** Null when the tiles were never built or predate the preview: the page then starts the map. */
export function loadMapPreviewInfo(): MapPreviewInfo | null {
	if (cached !== undefined && !import.meta.env.DEV) return cached;
	const file = manifestFile();
	if (!file) return null;
	let info: MapPreviewInfo | null = null;
	try {
		const parsed = manifestPreviewSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
		if (parsed.success)
			info = { bbox: parsed.data.bbox, ...parsed.data.preview, attribution: parsed.data.attribution };
	} catch {
		info = null;
	}
	cached = info;
	return info;
}
