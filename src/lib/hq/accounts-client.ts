/** The 「アカウント」 panel's calls (HQ-only endpoints under /api/accounts, docs/api.md). */
import type { Backend } from '../backend/port.ts';
import type { IssuedPassword, ManagedAccount, NewEnrollmentCode } from '../accounts/types.ts';
import { hqFetch, jsonOf } from './client.ts';

const jsonInit = (method: string, body?: unknown): RequestInit => ({
	method,
	headers: body === undefined ? {} : { 'content-type': 'application/json' },
	body: body === undefined ? undefined : JSON.stringify(body)
});

export async function loadAccounts(backend: Backend): Promise<ManagedAccount[]> {
	return (await jsonOf<{ accounts: ManagedAccount[] }>(await hqFetch(backend, '/api/accounts'))).accounts;
}

export async function createAccount(
	backend: Backend,
	input: { username: string; role: 'hq' | 'staff'; shelter_id: string | null }
): Promise<IssuedPassword> {
	return jsonOf(await hqFetch(backend, '/api/accounts', jsonInit('POST', input)));
}

export async function resetAccountPassword(backend: Backend, id: string): Promise<IssuedPassword> {
	return jsonOf(
		await hqFetch(backend, `/api/accounts/${encodeURIComponent(id)}/password`, jsonInit('POST', {}))
	);
}

export async function changeAccount(
	backend: Backend,
	id: string,
	change: { shelter_id?: string; disabled?: boolean }
): Promise<void> {
	await jsonOf(await hqFetch(backend, `/api/accounts/${encodeURIComponent(id)}`, jsonInit('PATCH', change)));
}

export async function createEnrollmentCode(backend: Backend, shelterId: string): Promise<NewEnrollmentCode> {
	return jsonOf(
		await hqFetch(backend, '/api/accounts/enrollment-codes', jsonInit('POST', { shelter_id: shelterId }))
	);
}

/** The QR (SVG text from our server) as an image source: never inserted as markup. */
export function svgDataUrl(svg: string): string {
	return `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(svg)))}`;
}
