/** Reads and writes of the HQ endpoints (SQL in supabase/migrations/20261125100000_hq.sql). */
import type { Alert } from '#lib/domain/alert.ts';
import type { ImportedShelter } from '#lib/csv/import.ts';
import type { HqShelter } from '#lib/hq/types.ts';
import type { Tx } from '../db/types.ts';

/** node-postgres and PGlite hand timestamps back as Date; the API speaks ISO strings. */
function iso(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

export async function hqShelters(tx: Tx): Promise<HqShelter[]> {
	const result = await tx.query<{ list: HqShelter[] }>('select public.hq_shelters() as list');
	return result.rows[0]?.list ?? [];
}

export async function importShelters(
	tx: Tx,
	shelters: ImportedShelter[]
): Promise<{ added: number; updated: number }> {
	const result = await tx.query<{ result: { added: number; updated: number } }>(
		'select public.import_shelters($1::jsonb) as result',
		[JSON.stringify(shelters)]
	);
	return result.rows[0]!.result;
}

export interface AuditFilters {
	table?: string;
	action?: string;
	actor?: string;
	limit?: number;
}

export interface AuditEntry {
	id: number;
	at: string;
	actor: string | null;
	actor_name: string | null;
	table_name: string;
	action: 'INSERT' | 'UPDATE' | 'DELETE';
	row_id: string | null;
	old: Record<string, unknown> | null;
	new: Record<string, unknown> | null;
}

export async function auditLog(tx: Tx, filters: AuditFilters): Promise<AuditEntry[]> {
	const result = await tx.query<{ list: AuditEntry[] }>('select public.hq_audit($1::jsonb) as list', [
		JSON.stringify(filters)
	]);
	return result.rows[0]?.list ?? [];
}

/** One alert with its public columns (anyone may read alerts; actors stay out). */
export async function publicAlert(tx: Tx, id: string): Promise<Alert | null> {
	const result = await tx.query<Record<string, unknown>>(
		`select id, level, hazard, areas, text, issued_at, expires_at, cancelled_at, drill
		   from public.alerts where id = $1::uuid`,
		[id]
	);
	const row = result.rows[0];
	return row ? normalizeAlert(row) : null;
}

export async function publicAlerts(tx: Tx, limit = 500): Promise<Alert[]> {
	const result = await tx.query<Record<string, unknown>>(
		`select id, level, hazard, areas, text, issued_at, expires_at, cancelled_at, drill
		   from public.alerts
		  where cancelled_at is null and (expires_at is null or expires_at > now())
		  order by issued_at desc limit $1`,
		[limit]
	);
	return result.rows.map(normalizeAlert);
}

function normalizeAlert(row: Record<string, unknown>): Alert {
	const expires = iso(row.expires_at);
	return {
		...(row as unknown as Alert),
		level: Number(row.level) as Alert['level'],
		issued_by: null,
		issued_at: iso(row.issued_at)!,
		cancelled_at: iso(row.cancelled_at),
		...(expires ? { expires_at: expires } : { expires_at: undefined })
	};
}
