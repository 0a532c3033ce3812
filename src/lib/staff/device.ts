/**
 * A terminal enrolled with a 端末登録コード (issue 16): POST /api/enroll makes a device account
 * bound to the code's shelter; the terminal keeps its generated credentials in localStorage and
 * signs in with them whenever its token expires. HQ revokes the device by disabling it.
 */
import { normalizeCode } from '../accounts/enrollment-code.ts';

export interface DeviceCredentials {
	username: string;
	password: string;
	shelter_id: string;
}

const key = 'bosai.device';

export type EnrollRefusal = 'invalid' | 'unknown' | 'used' | 'expired' | 'limited' | 'offline';

/** Enrolls this browser; answers its credentials or why not. */
export async function enrollDevice(
	code: string,
	post: typeof fetch = fetch
): Promise<DeviceCredentials | EnrollRefusal> {
	const normalized = normalizeCode(code);
	if (!normalized) return 'invalid';
	let response: Response;
	try {
		response = await post('/api/enroll', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ code: normalized })
		});
	} catch {
		return 'offline';
	}
	if (response.ok) return (await response.json()) as DeviceCredentials;
	if (response.status === 429) return 'limited';
	const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
	const refusal = body?.error?.code?.replace(/^code_/, '');
	return refusal === 'used' || refusal === 'expired'
		? refusal
		: response.status >= 500
			? 'offline'
			: 'unknown';
}

export function rememberDevice(storage: Storage, device: DeviceCredentials): void {
	storage.setItem(key, JSON.stringify(device));
}

export function recallDevice(storage: Storage): DeviceCredentials | null {
	try {
		const value = JSON.parse(storage.getItem(key) ?? 'null') as DeviceCredentials | null;
		return value && typeof value.username === 'string' && typeof value.password === 'string' ? value : null;
	} catch {
		return null;
	}
}

export function forgetDevice(storage: Storage): void {
	storage.removeItem(key);
}
