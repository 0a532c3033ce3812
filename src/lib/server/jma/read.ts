/** Reads for GET /api/jma: what is in effect for 狛江市 and the recent telegrams (parsed part only). */
import type { JmaRow } from '#lib/jma/snapshot.ts';
import type { Tx } from '../db/types.ts';

/** Rows as pages read them (src/lib/jma/snapshot.ts). */
export type JmaInEffect = JmaRow;

export async function jmaInEffect(tx: Tx): Promise<JmaInEffect[]> {
	const r = await tx.query<JmaInEffect>(
		`select id::int, stream, family, control_title, head_title, report_at, valid_until, info_type,
		        level, headline, items
		   from public.jma_in_effect order by level desc nulls last, report_at desc`
	);
	return r.rows;
}

export async function jmaTimeline(tx: Tx, limit: number): Promise<JmaInEffect[]> {
	const r = await tx.query<JmaInEffect>(
		`select id::int, stream, family, control_title, head_title, report_at, valid_until, info_type,
		        level, headline, items, control_status, voided_by::int
		   from public.jma_telegrams order by report_at desc, id desc limit $1`,
		[limit]
	);
	return r.rows;
}

/** The notifications issue's hook: what is in effect at 警戒レベル3相当 and above. */
export async function jmaInEffectAtLevel(tx: Tx, minLevel = 3): Promise<JmaInEffect[]> {
	return (await jmaInEffect(tx)).filter((row) => (row.level ?? 0) >= minLevel);
}
