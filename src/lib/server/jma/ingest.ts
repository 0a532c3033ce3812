/**
 * One telegram into the store, whatever channel brought it (feed, HQ POST, drop folder): parse
 * strictly, keep it only when it concerns 狛江市, and hand it to public.jma_ingest() as the
 * platform — the only writer of jma_telegrams. Bad input changes nothing and is reported.
 */
import { parseTelegram, JmaXmlError } from '#lib/jma/telegram.ts';
import type { ParsedTelegram } from '#lib/jma/types.ts';
import type { Database } from '../db/types.ts';

export type JmaSource = 'feed' | 'post' | 'drop';
export type IngestOutcome =
	| { outcome: 'stored'; id: number; changed: boolean; telegram: ParsedTelegram }
	| { outcome: 'duplicate' | 'not_komae'; telegram: ParsedTelegram }
	| { outcome: 'invalid'; error: string };

/** Largest telegram accepted from any channel (JMA's biggest are a few MB). */
export const maxTelegramBytes = 10 * 1024 * 1024;

export async function ingestTelegram(
	db: Database,
	xml: string,
	options: { source: JmaSource; entryId?: string }
): Promise<IngestOutcome> {
	let telegram: ParsedTelegram;
	try {
		if (Buffer.byteLength(xml) > maxTelegramBytes) throw new JmaXmlError('telegram too large');
		telegram = parseTelegram(xml);
	} catch (error) {
		if (!(error instanceof JmaXmlError)) throw error;
		if (options.entryId) await recordEntry(db, options.entryId, 'invalid');
		return { outcome: 'invalid', error: error.message };
	}
	const result = await db.asService(async (tx) => {
		const rows = await tx.query<{
			result: { id: number | null; stored: boolean; duplicate: boolean; changed: boolean };
		}>('select public.jma_ingest($1::jsonb, $2, $3, $4) as result', [
			JSON.stringify(telegram),
			xml,
			options.source,
			options.entryId ?? null
		]);
		return rows.rows[0].result;
	});
	const outcome: IngestOutcome = result.stored
		? { outcome: 'stored', id: Number(result.id), changed: result.changed, telegram }
		: { outcome: result.duplicate ? 'duplicate' : 'not_komae', telegram };
	if (options.entryId) await recordEntry(db, options.entryId, outcome.outcome);
	return outcome;
}

async function recordEntry(db: Database, entryId: string, outcome: string): Promise<void> {
	await db.asService((tx) =>
		tx.query(
			`insert into public.jma_feed_entries (entry_id, outcome) values ($1, $2)
			 on conflict (entry_id) do nothing`,
			[entryId.slice(0, 500), outcome]
		)
	);
}
