/** A 町丁目 and its representative point (the schema, with zod, is in towns-schema.ts: loaded lazily). */
export interface Town {
	name: string;
	lon: number;
	lat: number;
}

export const townsUrl = '/shelters/towns.json';

export async function loadTowns(fetcher: typeof fetch = fetch): Promise<Town[]> {
	const response = await fetcher(townsUrl);
	if (!response.ok) throw new Error(`towns: HTTP ${response.status}`);
	const { townsSchema } = await import('./towns-schema.ts');
	return townsSchema.parse(await response.json());
}
