import { json } from '@sveltejs/kit';
import { z } from '#lib/zod.ts';
import { shelterIdPattern, shelterRecordSchema } from '#lib/domain/shelter.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { positiveInt, queryParam } from '#lib/server/api/caller.ts';
import { listReports, maxReportPage, parseReportCursor } from '#lib/server/api/reports.ts';
import { hqShelters } from '#lib/server/hq/data.ts';
import { asHq, requireHq } from '#lib/server/hq/guard.ts';
import { ApiError, discardBody, handleApi, readJson } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

function shelterId(value: string): string {
	if (!shelterIdPattern.test(value)) throw new ApiError(404, 'not_found', 'Unknown shelter');
	return value;
}

/** Master data HQ may change (id and the ad-hoc mark stay as created). */
const editable = shelterRecordSchema
	.pick({
		name: true,
		address: true,
		kind: true,
		lon: true,
		lat: true,
		capacity: true,
		hazards: true,
		welfare: true,
		accepted_people: true,
		notes: true
	})
	.extend({
		hidden: z.boolean(),
		// 屋内 / 屋外 places (issue 16): 余力 and 定員状況 are derived from them in SQL.
		capacity_indoor: z.number().int().min(0).max(1_000_000).nullable().optional(),
		capacity_outdoor: z.number().int().min(0).max(1_000_000).nullable().optional()
	});
const patchSchema = editable.partial().strict();
const createSchema = editable.strict();

const columns = Object.keys(editable.shape);

/** Reports per history page unless `limit` says otherwise (issue 18, L2: bounded). */
const historyPage = 500;

/**
 * One shelter with its latest reports, newest first (HQ only): the history view. At most `limit`
 * reports (default 500, max 5000); `next_cursor` (null on the last page) goes in `?cursor=`.
 */
export const GET: RequestHandler = handleApi(async ({ params, url, locals }) => {
	const id = shelterId(params.id);
	const limit = queryParam(url, 'limit', positiveInt(maxReportPage)) ?? historyPage;
	const cursor = queryParam(url, 'cursor', parseReportCursor);
	const { db } = await runtime();
	const result = await asHq(db, locals.claims, async (tx) => ({
		shelter: (await hqShelters(tx)).find((s) => s.id === id) ?? null,
		page: await listReports(tx, { shelterId: id, limit, cursor })
	}));
	if (!result.shelter) throw new ApiError(404, 'not_found', 'Unknown shelter');
	return json(
		{ shelter: result.shelter, reports: result.page.reports, next_cursor: result.page.next },
		{ headers: { 'cache-control': 'private, no-store' } }
	);
});

/** Edits master data (HQ only). Announces nothing: no status, no realtime message. */
export const PATCH: RequestHandler = handleApi(async ({ params, request, locals }) => {
	const id = shelterId(params.id);
	const { db } = await runtime();
	// HQ is checked before the body is read: a refused caller learns nothing about validation.
	// The body is read between the two transactions: a slow sender holds no database time.
	await requireHq(db, locals.claims);
	const changes = await readJson(request, patchSchema);
	const keys = columns.filter((key) => key in changes);
	if (keys.length === 0) throw new ApiError(400, 'invalid_body', 'Nothing to change');
	const values = keys.map((key) => changes[key as keyof typeof changes]);
	const set = keys.map((key, i) => `${key} = $${i + 2}${key === 'hazards' ? '::text[]' : ''}`).join(', ');
	const count = await asHq(db, locals.claims, async (tx) => {
		const result = await tx.query(`update public.shelters set ${set} where id = $1 returning id`, [
			id,
			...values
		]);
		return result.rows.length;
	});
	if (count === 0) throw new ApiError(404, 'not_found', 'Unknown shelter');
	return json({ id, changed: keys });
});

/** Adds an ad-hoc shelter (臨時避難所) under a new id (HQ only; 409 if the id exists). */
export const PUT: RequestHandler = handleApi(async ({ params, request, locals }) => {
	const id = shelterId(params.id);
	const { db } = await runtime();
	await requireHq(db, locals.claims);
	const shelter = await readJson(request, createSchema);
	await asHq(db, locals.claims, (tx) =>
		tx.query(
			`insert into public.shelters (id, ${columns.join(', ')}, ad_hoc, sources)
			 values ($1, ${columns.map((key, i) => `$${i + 2}${key === 'hazards' ? '::text[]' : ''}`).join(', ')}, true, '{}')`,
			[id, ...columns.map((key) => shelter[key as keyof typeof shelter] ?? null)]
		)
	);
	return json({ id, ad_hoc: true }, { status: 201 });
});

/**
 * Removes an ad-hoc shelter added by mistake (HQ only). Designated shelters come from the open
 * data and are never deleted here (409), nor is one with reports (their history stays).
 */
export const DELETE: RequestHandler = handleApi(async ({ params, request, locals }) => {
	const id = shelterId(params.id);
	await discardBody(request);
	const { db } = await runtime();
	await asHq(db, locals.claims, async (tx) => {
		const found = await tx.query<{ ad_hoc: boolean; reports: number }>(
			`select s.ad_hoc, (select count(*)::int from public.shelter_reports r where r.shelter_id = s.id) as reports
			   from public.shelters s where s.id = $1`,
			[id]
		);
		const shelter = found.rows[0];
		if (!shelter) throw new ApiError(404, 'not_found', 'Unknown shelter');
		if (!shelter.ad_hoc) throw new ApiError(409, 'not_ad_hoc', 'Only ad-hoc shelters can be deleted');
		if (shelter.reports > 0) throw new ApiError(409, 'has_reports', 'The shelter has reports');
		await tx.query('delete from public.shelters where id = $1 and ad_hoc', [id]);
	});
	return new Response(null, { status: 204 });
});
