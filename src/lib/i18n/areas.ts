import { lazyAreas } from './catalog/core.ts';
import { addAreas } from './translate.ts';

const loaded = new Set<number>();

/** Loads the message areas a route needs beyond the core ones (once per page load). */
export async function loadAreasFor(pathname: string): Promise<void> {
	await Promise.all(
		lazyAreas.map(async (entry, index) => {
			if (loaded.has(index) || !entry.prefixes.some((prefix) => pathname.startsWith(prefix))) return;
			addAreas(await entry.load());
			loaded.add(index);
		})
	);
}
