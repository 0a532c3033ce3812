/**
 * A checksum of every table of a stopped server's data dir (schemas public, auth, realtime), to
 * prove that a test changed nothing. Opens PGlite directly: stop the server first (one process).
 * Left out: the sign-in limiter's own bookkeeping (`signin_attempts`, `signin_known`): counting a
 * refused guess is what it is for (docs/security.md "Sign-in limits").
 */
import { openDatabase } from '#lib/server/db/index.ts';

export type TableChecksums = Record<string, string>;

export async function checksumTables(dataDir: string): Promise<TableChecksums> {
	const db = await openDatabase({ driver: 'pglite', dataDir, migrate: false });
	try {
		return await db.asService(async (tx) => {
			const tables = await tx.query<{ name: string }>(
				`select format('%I.%I', table_schema, table_name) as name
				   from information_schema.tables
				  where table_schema in ('public', 'auth', 'realtime') and table_type = 'BASE TABLE'
				    and not (table_schema = 'public' and table_name in ('signin_attempts', 'signin_known'))
				  order by 1`
			);
			const sums: TableChecksums = {};
			for (const { name } of tables.rows) {
				const row = await tx.query<{ n: string; sum: string }>(
					`select count(*)::text as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum
					   from ${name} t`
				);
				sums[name] = `${row.rows[0].n}:${row.rows[0].sum}`;
			}
			return sums;
		});
	} finally {
		await db.close();
	}
}
