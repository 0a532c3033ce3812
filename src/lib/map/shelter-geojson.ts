/** The generated shelters overlay (static/generated/map/shelters.<hash>.geojson). */
import { z } from '#lib/zod.ts';
import { shelterRecordSchema } from '#lib/domain/shelter.ts';

export const shelterCollectionSchema = z.object({
	type: z.literal('FeatureCollection'),
	features: z.array(
		z.object({
			type: z.literal('Feature'),
			properties: shelterRecordSchema.omit({ lon: true, lat: true }),
			geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) })
		})
	)
});
export type ShelterGeoJson = z.infer<typeof shelterCollectionSchema>;
