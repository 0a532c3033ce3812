import { json } from '@sveltejs/kit';
import { runtime } from '#lib/server/api/runtime.ts';
import { publicOrigin } from '#lib/server/public-origin.ts';
import { enrollmentCodeSchema } from '#lib/server/hq/account-input.ts';
import { createEnrollmentCode, listEnrollmentCodes } from '#lib/server/hq/accounts.ts';
import { enrollmentQr } from '#lib/server/hq/enrollment-qr.ts';
import { asHq, requireHq } from '#lib/server/hq/guard.ts';
import { handleApi, readJson } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

const noStore = { 'cache-control': 'private, no-store' };

/** The latest 50 codes with their state (HQ only; never the codes themselves). */
export const GET: RequestHandler = handleApi(async ({ locals }) => {
	const { db } = await runtime();
	return json({ codes: await asHq(db, locals.claims, listEnrollmentCodes) }, { headers: noStore });
});

/**
 * A single-use 端末登録コード for a shelter, valid 15 minutes (HQ only): the code, the /staff
 * address carrying it and its QR (SVG). Only the code's SHA-256 is stored.
 */
export const POST: RequestHandler = handleApi(async ({ request, locals, url }) => {
	const { db } = await runtime();
	await requireHq(db, locals.claims);
	const input = await readJson(request, enrollmentCodeSchema);
	const made = await asHq(db, locals.claims, (tx) => createEnrollmentCode(tx, input.shelter_id));
	const qr = await enrollmentQr(publicOrigin(url), made.code);
	return json({ ...made, url: qr.url, qr_svg: qr.svg }, { status: 201, headers: noStore });
});
