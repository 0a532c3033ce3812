import { z } from '#lib/zod.ts';
import { hazards } from './vocabulary.ts';
import { locales } from '../i18n/locales.ts';

/** Body of POST /api/alerts (DESIGN.md). */
export const alertInputSchema = z.strictObject({
	level: z.union([z.literal(3), z.literal(4), z.literal(5)]),
	hazard: z.enum(hazards),
	/** 町丁目 names, or ["all"] for the whole city. */
	areas: z.array(z.string().min(1).max(100)).min(1).max(200),
	text: z
		.partialRecord(z.enum(locales), z.string().min(1).max(2000))
		.refine((text) => typeof text.ja === 'string', { message: 'text.ja is required' }),
	expires_at: z.iso.datetime({ offset: true }).optional()
});
export type AlertInput = z.infer<typeof alertInputSchema>;

export interface Alert extends AlertInput {
	id: string;
	issued_by: string | null;
	issued_at: string;
	cancelled_at: string | null;
	drill: boolean;
}
