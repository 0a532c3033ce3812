/**
 * The commands of `npm run users`, run against a database: by the CLI itself (PostgreSQL, or a
 * PGlite data dir no server holds) or by the running embedded server on the CLI's behalf
 * (users-service.ts). The password arrives hashed: the CLI hashes it, the server never sees it.
 */
import { z } from 'zod';
import type { Database } from '../db/types.ts';
import { listAccounts, revokeSessions, saveAccountHash, usernameSchema } from './accounts.ts';

export const usersCommandSchema = z.discriminatedUnion('command', [
	z.strictObject({
		command: z.literal('add'),
		username: usernameSchema,
		role: z.enum(['hq', 'staff']),
		shelter: z.string().min(1).max(64).nullable(),
		hash: z.string().regex(/^scrypt\$/),
		replace: z.boolean()
	}),
	z.strictObject({ command: z.literal('revoke'), username: usernameSchema }),
	z.strictObject({ command: z.literal('list') }),
	z.strictObject({ command: z.literal('shelters') })
]);
export type UsersCommand = z.infer<typeof usersCommandSchema>;

/** Runs one command; answers the lines to print. Throws (with a message for the user) on failure. */
export async function runUsersCommand(db: Database, command: UsersCommand): Promise<string[]> {
	switch (command.command) {
		case 'add': {
			const result = await saveAccountHash(
				db,
				{ username: command.username, hash: command.hash, role: command.role, shelterId: command.shelter },
				{ replace: command.replace }
			);
			const lines = [`${result.created ? 'added' : 'updated'} ${command.username} (${command.role})`];
			if (!result.created) lines.push(`ended every session of ${command.username}`);
			return lines;
		}
		case 'revoke':
			if (!(await revokeSessions(db, command.username))) throw new Error(`no user ${command.username}`);
			return [`ended every session of ${command.username}`];
		case 'shelters': {
			const shelters = await db.asService((tx) =>
				tx.query<{ id: string; name: string }>('select id, name from public.shelters order by id')
			);
			return shelters.rows.map((shelter) => `${shelter.id}\t${shelter.name}`);
		}
		case 'list':
			return (await listAccounts(db)).map((account) =>
				[account.username, account.role ?? '-', account.shelter_id ?? '-'].join('\t')
			);
	}
}
