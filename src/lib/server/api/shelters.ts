/**
 * GET /api/shelters body: `public.shelter_collection()` (security invoker, so RLS hides hidden
 * shelters from anonymous callers) with a strong ETag over the content — `generated_at` left out,
 * so a poll that changed nothing is a 304.
 */
import { createHash } from 'node:crypto';
import type { ShelterCollection } from '#lib/domain/shelter.ts';
import type { Tx } from '../db/types.ts';

export async function shelterCollection(tx: Tx): Promise<{ collection: ShelterCollection; etag: string }> {
	const result = await tx.query<{ collection: ShelterCollection }>(
		'select public.shelter_collection() as collection'
	);
	const collection = result.rows[0].collection;
	const { generated_at: _ignored, ...content } = collection;
	const digest = createHash('sha256').update(JSON.stringify(content)).digest('base64url');
	return { collection, etag: `"${digest.slice(0, 27)}"` };
}

/** True when an If-None-Match header names this ETag (weak or strong) or `*`. */
export function etagMatches(header: string | null, etag: string): boolean {
	if (!header) return false;
	return header
		.split(',')
		.map((tag) => tag.trim().replace(/^W\//, ''))
		.some((tag) => tag === etag || tag === '*');
}
