import { json } from '@sveltejs/kit';
import { z } from '#lib/zod.ts';
import { enroll } from '#lib/server/auth/enroll.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { enrollment } from '#lib/server/hq/account-service.ts';
import { ApiError, bodyLimits, handleApi, readJson } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

const bodySchema = z.strictObject({ code: z.string().min(1).max(64) });

/**
 * 「登録コードで始める」: `{code}` → a new device account bound to the code's shelter,
 * `{username, password, shelter_id}` (the terminal keeps them and signs in). Wrong (400
 * code_unknown), used or expired (410 code_used / code_expired) codes count toward the limit
 * (429 + Retry-After), which is kept in the database (in Supabase mode: Supabase's, and the device
 * user is made with auth.admin: supabase-admin/enroll.ts).
 */
export const POST: RequestHandler = handleApi(async (event) => {
	const input = await readJson(event.request, bodySchema, bodyLimits.small);
	const { redeem, guard } = await enrollment();
	try {
		const device = await enroll({ redeem, guard, address: event.getClientAddress() }, input);
		return json(device, { status: 201, headers: { 'cache-control': 'no-store' } });
	} catch (error) {
		if (error instanceof ApiError && error.status === 429) await (await runtime()).tarpit.hold();
		throw error;
	}
});
