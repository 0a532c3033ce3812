import { json } from '@sveltejs/kit';
import { z } from '#lib/zod.ts';
import { login } from '#lib/server/auth/login.ts';
import { runtime } from '#lib/server/api/runtime.ts';
import { ApiError, bodyLimits, handleApi, readJson } from '#lib/server/http.ts';
import type { RequestHandler } from './$types';

const bodySchema = z.strictObject({
	username: z.string().min(1).max(200),
	password: z.string().min(1).max(1024)
});

/** Embedded-mode sign-in: `{username, password}` → `{access_token, expires_in, role, shelter_id}`. */
export const POST: RequestHandler = handleApi(async (event) => {
	const input = await readJson(event.request, bodySchema, bodyLimits.small);
	const { db, secret, guard, checks, tarpit } = await runtime();
	try {
		const token = await login({ db, secret, guard, checks, address: event.getClientAddress() }, input);
		return json(token, { headers: { 'cache-control': 'no-store' } });
	} catch (error) {
		// A refusal waits a second (tarpit.ts): resending at once must not flood the server.
		if (error instanceof ApiError && (error.status === 429 || error.status === 503)) await tarpit.hold();
		throw error;
	}
});
