import { z } from '#lib/zod.ts';
import { crowdingLevels, hazards, shelterKinds, shelterStatuses } from './vocabulary.ts';

/**
 * What a shelter id may be: the rule of the id endpoints (/api/shelters/:id), the CSV import and
 * the SQL check shelters_id_format (supabase/migrations/20261202000130_check_shelter_ids.sql).
 * The GSI 共通ID (`E1321900001111`) and the older layout's `v1-<NO>` fit; markup, paths, spaces
 * and `#` do not (issue 18, L5).
 */
export const shelterIdPattern = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * One shelter as the importers normalize it (data/out/<city>/shelters.json) and as the database
 * seeds it. `id` is the GSI 共通ID where the source has one.
 */
export const shelterRecordSchema = z.object({
	id: z.string().regex(shelterIdPattern, 'not a shelter id (1–64 of A–Z a–z 0–9 . _ -)'),
	name: z.string().min(1).max(200),
	address: z.string().max(300),
	kind: z.enum(shelterKinds),
	lon: z.number().min(-180).max(180),
	lat: z.number().min(-90).max(90),
	/** Unknown capacity is null, never 0: the GSI data has none. */
	capacity: z.number().int().positive().nullable(),
	hazards: z.array(z.enum(hazards)),
	/** 福祉避難所: from GSI 受入対象者 (e.g. 要配慮者). */
	welfare: z.boolean(),
	accepted_people: z.string().max(200).nullable(),
	/** False for a shelter the city lists that lies in a neighbouring municipality. */
	inside_city: z.boolean(),
	notes: z.string().max(1000).nullable(),
	/** Source dataset ids (see src/lib/data/credits.ts). */
	sources: z.array(z.string())
});
export type ShelterRecord = z.infer<typeof shelterRecordSchema>;

/** The public, live part of a shelter's status (topic `shelters`, GET /api/shelters). */
export const publicStatusSchema = z.object({
	shelter_id: z.string(),
	status: z.enum(shelterStatuses),
	crowding: z.enum(crowdingLevels),
	updated_at: z.string(),
	drill: z.boolean()
});
export type PublicStatus = z.infer<typeof publicStatusSchema>;

/** A feature of GET /api/shelters: the shelter plus its public status (null when never reported). */
export interface ShelterFeature {
	type: 'Feature';
	geometry: { type: 'Point'; coordinates: [number, number] };
	properties: Omit<ShelterRecord, 'lon' | 'lat'> & {
		hidden?: boolean;
		ad_hoc: boolean;
		status: PublicStatus | null;
	};
}

export interface ShelterCollection {
	type: 'FeatureCollection';
	features: ShelterFeature[];
	/** Drill mode (訓練) is on city-wide. */
	drill: boolean;
	generated_at: string;
}
