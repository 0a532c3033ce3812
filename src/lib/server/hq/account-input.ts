/** Input checks of the HQ account endpoints (zod); SQL checks the same rules again. */
import { z } from 'zod';
import { shelterIdPattern } from '#lib/domain/shelter.ts';
import { usernameSchema } from '../auth/accounts.ts';
import { ApiError } from '../http.ts';

const shelterId = z.string().regex(shelterIdPattern, 'unknown shelter id');

export const createAccountSchema = z
	.strictObject({
		username: usernameSchema,
		role: z.enum(['hq', 'staff']),
		shelter_id: shelterId.nullable().default(null)
	})
	.refine((a) => (a.role === 'staff') === (a.shelter_id !== null), {
		message: 'a staff account needs shelter_id; an HQ account has none'
	});

export const changeAccountSchema = z
	.strictObject({ shelter_id: shelterId.optional(), disabled: z.boolean().optional() })
	.refine((c) => c.shelter_id !== undefined || c.disabled !== undefined, { message: 'Nothing to change' });

export const enrollmentCodeSchema = z.strictObject({ shelter_id: shelterId });

const uuid = z.uuid();

/** An account id from the path; anything else is an unknown account (404). */
export function accountId(value: string): string {
	if (!uuid.safeParse(value).success) throw new ApiError(404, 'not_found', 'Unknown account');
	return value;
}
