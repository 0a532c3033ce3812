import { json } from '@sveltejs/kit';
import { parseShelterCsv } from '#lib/csv/import.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { hqShelters, importShelters } from '#lib/server/hq/data.ts';
import { asHq } from '#lib/server/hq/guard.ts';
import { handleApi, readCsv } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

/**
 * Shelter CSV import (HQ only). Without `?commit=1` it only validates and previews; with it, it
 * writes every row in one transaction, or — when any row is bad — nothing (400 with the rows).
 * Imports change master data only and announce nothing.
 */
export const POST: RequestHandler = handleApi(async ({ request, locals, url }) => {
	const { db } = await runtime();
	// HQ first (a refused caller learns nothing about the CSV), then the body with no transaction open.
	const existing = new Set((await asHq(db, locals.claims, hqShelters)).map((s) => s.id));
	const parsed = parseShelterCsv(await readCsv(request));
	const commit = url.searchParams.get('commit') === '1';
	if (commit) {
		if (parsed.errors.length > 0 || parsed.shelters.length === 0) {
			const first = parsed.errors[0];
			return json(
				{
					error: {
						code: 'invalid_rows',
						message: first ? `row ${first.row}: ${first.message}` : 'The CSV has no shelter rows',
						rows: parsed.errors
					}
				},
				{ status: 400 }
			);
		}
		const result = await asHq(db, locals.claims, (tx) => importShelters(tx, parsed.shelters));
		return json({ layout: parsed.layout, ...result });
	}
	return json({
		layout: parsed.layout,
		valid: parsed.shelters.length,
		added: parsed.shelters.filter((s) => !existing.has(s.id)).length,
		updated: parsed.shelters.filter((s) => existing.has(s.id)).length,
		errors: parsed.errors,
		rows: parsed.shelters.map((s) => ({ id: s.id, name: s.name, new: !existing.has(s.id) }))
	});
});
