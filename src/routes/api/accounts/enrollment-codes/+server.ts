import { json } from '@sveltejs/kit';
import { publicOrigin } from '#lib/server/public-origin.ts';
import { enrollmentCodeSchema } from '#lib/server/hq/account-input.ts';
import { callerOf, hqAccounts } from '#lib/server/hq/account-service.ts';
import { enrollmentQr } from '#lib/server/hq/enrollment-qr.ts';
import { handleApi, readJson } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

const noStore = { 'cache-control': 'private, no-store' };

/** The latest 50 codes with their state (HQ only; never the codes themselves). */
export const GET: RequestHandler = handleApi(async (event) => {
	const accounts = await hqAccounts(callerOf(event));
	return json({ codes: await accounts.listCodes() }, { headers: noStore });
});

/**
 * A single-use 端末登録コード for a shelter, valid 15 minutes (HQ only): the code, the /staff
 * address carrying it and its QR (SVG). Only the code's SHA-256 is stored.
 */
export const POST: RequestHandler = handleApi(async (event) => {
	const accounts = await hqAccounts(callerOf(event));
	const input = await readJson(event.request, enrollmentCodeSchema);
	const made = await accounts.createCode(input.shelter_id);
	const qr = await enrollmentQr(publicOrigin(event.url), made.code);
	return json({ ...made, url: qr.url, qr_svg: qr.svg }, { status: 201, headers: noStore });
});
