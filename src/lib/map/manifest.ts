/** static/generated/map/manifest.json (written by `npm run tiles`, see docs/architecture.md). */
import type { z } from 'zod';
import type { mapManifestSchema } from './manifest-schema.ts';

export type MapManifest = z.infer<typeof mapManifestSchema>;

export const manifestUrl = '/generated/map/manifest.json';

/** The manifest, or null when the tiles were never built (the UI then says so). */
export async function loadMapManifest(fetcher: typeof fetch = fetch): Promise<MapManifest | null> {
	const response = await fetcher(manifestUrl);
	if (!response.ok) return null;
	const { mapManifestSchema } = await import('./manifest-schema.ts');
	return mapManifestSchema.parse(await response.json());
}
