/**
 * Demo accounts for `npm run dev` only: demo-hq and one demo-staff-<shelter> per shelter, each with
 * a fresh random password at every dev start, written to <data dir>/DEMO-ACCOUNTS.txt (0600).
 * No fixed password exists anywhere, and a production start never calls this.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../db/types.ts';
import { saveAccount, usernameSchema } from './accounts.ts';

export const demoFileName = 'DEMO-ACCOUNTS.txt';

export async function ensureDemoAccounts(db: Database, dataDir: string): Promise<string> {
	const shelters = await db.asService((tx) =>
		tx.query<{ id: string; name: string }>('select id, name from public.shelters order by id')
	);
	const lines = [
		'# bosai-map DEMO accounts (npm run dev only). Passwords are new at every dev start.',
		'# username\trole\tshelter\tpassword',
		''
	];
	const accounts = [
		{ username: 'demo-hq', role: 'hq' as const, shelterId: null, label: '' },
		...shelters.rows.map((s) => ({
			username: `demo-staff-${s.id}`
				.toLowerCase()
				.replace(/[^a-z0-9._-]/g, '-')
				.slice(0, 64),
			role: 'staff' as const,
			shelterId: s.id,
			label: s.name
		}))
	];
	for (const account of accounts) {
		if (!usernameSchema.safeParse(account.username).success) continue;
		const password = randomBytes(12).toString('base64url');
		await saveAccount(db, { ...account, password }, { replace: true });
		lines.push(
			[account.username, account.role, account.shelterId ?? '-', password, account.label].join('\t')
		);
	}
	const file = join(dataDir, demoFileName);
	writeFileSync(file, lines.join('\n') + '\n', { mode: 0o600 });
	chmodSync(file, 0o600);
	console.log(`bosai-map: DEMO accounts (demo-hq, demo-staff-<shelter>) are listed in ${file}`);
	return file;
}
