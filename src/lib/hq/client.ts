/**
 * The HQ page's calls to the HQ-only endpoints of our HTTP API (exports, import, audit, shelter
 * master data), with the session's Bearer token from the backend port. Everything shared with
 * other screens (reports, alerts, messages, drill, live) goes through the port itself.
 */
import { BackendError, type Backend } from '../backend/port.ts';
import type { RowError } from '../csv/import.ts';
import { orderStateByShelter } from '../domain/open-order.ts';
import type { Report } from '../domain/report.ts';
import type { HqShelter } from './types.ts';

export async function hqFetch(backend: Backend, path: string, init: RequestInit = {}): Promise<Response> {
	const token = backend.session()?.access_token;
	const headers = new Headers(init.headers);
	if (token) headers.set('authorization', `Bearer ${token}`);
	const response = await fetch(path, { ...init, headers });
	if (!response.ok && response.status !== 400) throw await errorOf(response);
	return response;
}

async function errorOf(response: Response): Promise<BackendError> {
	try {
		const body = (await response.json()) as { error?: { code?: string; message?: string } };
		return new BackendError(response.status, body.error?.code ?? 'http_error', body.error?.message ?? '');
	} catch {
		return new BackendError(response.status, 'http_error', response.statusText);
	}
}

export async function jsonOf<T>(response: Response): Promise<T> {
	if (!response.ok) throw await errorOf(response);
	return (await response.json()) as T;
}

interface SnapshotFeature {
	geometry: { coordinates: [number, number] };
	properties: Omit<HqShelter, 'lon' | 'lat'> & { capacity_share?: number | null };
}

/**
 * Every shelter with its full status and its opening-order state (the HQ snapshot; refetched after
 * every reconnect and every order event).
 */
export async function loadSnapshot(backend: Backend): Promise<HqShelter[]> {
	const [collection, orders] = await Promise.all([
		hqFetch(backend, '/api/export/shelters.geojson').then((r) => jsonOf<{ features: SnapshotFeature[] }>(r)),
		backend.listOpenOrders()
	]);
	const orderOf = orderStateByShelter(orders);
	return collection.features.map(({ geometry, properties }) => {
		const { capacity_share: _share, ...rest } = properties;
		return {
			...rest,
			lon: geometry.coordinates[0],
			lat: geometry.coordinates[1],
			open_order: orderOf.get(rest.id) ?? null
		};
	});
}

export async function loadHistory(
	backend: Backend,
	id: string
): Promise<{ shelter: HqShelter; reports: Report[] }> {
	return jsonOf(await hqFetch(backend, `/api/shelters/${encodeURIComponent(id)}`));
}

export type ShelterChanges = Partial<
	Pick<
		HqShelter,
		| 'name'
		| 'address'
		| 'kind'
		| 'lon'
		| 'lat'
		| 'capacity'
		| 'capacity_indoor'
		| 'capacity_outdoor'
		| 'hidden'
		| 'notes'
		| 'hazards'
	>
>;

export async function saveShelter(
	backend: Backend,
	id: string,
	changes: ShelterChanges,
	create: boolean
): Promise<void> {
	await jsonOf(
		await hqFetch(backend, `/api/shelters/${encodeURIComponent(id)}`, {
			method: create ? 'PUT' : 'PATCH',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(changes)
		})
	);
}

/** Deletes an ad-hoc shelter (the server refuses designated ones and ones with reports). */
export async function deleteShelter(backend: Backend, id: string): Promise<void> {
	const response = await hqFetch(backend, `/api/shelters/${encodeURIComponent(id)}`, {
		method: 'DELETE',
		// SvelteKit's CSRF guard treats a body-less write without a JSON type as a form post.
		headers: { 'content-type': 'application/json' }
	});
	if (!response.ok) throw await errorOf(response);
}

export interface ImportPreview {
	layout: 'current' | 'v1' | null;
	valid: number;
	added: number;
	updated: number;
	errors: RowError[];
}

export type ImportOutcome =
	{ ok: true; added: number; updated: number } | { ok: false; errors: RowError[]; message: string };

export async function previewImport(backend: Backend, csv: string): Promise<ImportPreview> {
	return jsonOf(
		await hqFetch(backend, '/api/import/shelters', {
			method: 'POST',
			headers: { 'content-type': 'text/csv; charset=utf-8' },
			body: csv
		})
	);
}

export async function commitImport(backend: Backend, csv: string): Promise<ImportOutcome> {
	const response = await hqFetch(backend, '/api/import/shelters?commit=1', {
		method: 'POST',
		headers: { 'content-type': 'text/csv; charset=utf-8' },
		body: csv
	});
	if (response.ok) {
		const body = (await response.json()) as { added: number; updated: number };
		return { ok: true, ...body };
	}
	const body = (await response.json()) as { error: { message: string; rows?: RowError[] } };
	return { ok: false, errors: body.error.rows ?? [], message: body.error.message };
}

export interface AuditEntry {
	id: number;
	at: string;
	actor_name: string | null;
	table_name: string;
	action: string;
	row_id: string | null;
	old: Record<string, unknown> | null;
	new: Record<string, unknown> | null;
}

export async function loadAudit(
	backend: Backend,
	filters: { table?: string; action?: string; actor?: string }
): Promise<AuditEntry[]> {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
	return jsonOf(await hqFetch(backend, `/api/audit?${params}`));
}

/** Fetches an export with the token and hands it to the browser as a file download. */
export async function downloadExport(backend: Backend, path: string): Promise<void> {
	const response = await hqFetch(backend, path);
	if (!response.ok) throw await errorOf(response);
	const disposition = response.headers.get('content-disposition') ?? '';
	const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'export';
	const url = URL.createObjectURL(await response.blob());
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Which changed fields of an audit entry to show: the columns whose values differ. */
export function changedFields(entry: Pick<AuditEntry, 'old' | 'new'>): string[] {
	const keys = new Set([...Object.keys(entry.old ?? {}), ...Object.keys(entry.new ?? {})]);
	return [...keys].filter(
		(key) =>
			key !== 'updated_at' &&
			JSON.stringify(entry.old?.[key] ?? null) !== JSON.stringify(entry.new?.[key] ?? null)
	);
}
