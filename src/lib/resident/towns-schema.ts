import { z } from '#lib/zod.ts';

/** The 町丁目 list served at /shelters/towns.json (from data/out/<city>/towns.json). */
export const townsSchema = z.array(
	z.object({
		name: z.string().min(1).max(100),
		lon: z.number().min(-180).max(180),
		lat: z.number().min(-90).max(90)
	})
);
