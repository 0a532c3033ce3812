/**
 * The embedded adapter (what pages get from getBackend() without Supabase env) against the real
 * server: session kept in storage with its expiry, ETag reuse, reports, BackendError on 4xx, and
 * live events through its fetch-based SSE reader.
 */
import { describe, expect, inject, it } from 'vitest';
import { createEmbeddedBackend, sessionKey } from '#lib/backend/embedded.ts';
import { BackendError, type LiveEvent, type LiveState } from '#lib/backend/port.ts';
import { reportFor } from '../support/api.ts';

const baseURL = inject('baseURL');
const accounts = inject('accounts');

function memoryStorage() {
	const map = new Map<string, string>();
	return {
		map,
		getItem: (key: string) => map.get(key) ?? null,
		setItem: (key: string, value: string) => void map.set(key, value),
		removeItem: (key: string) => void map.delete(key)
	};
}

describe('embedded adapter', () => {
	it('signs in, keeps the session in storage, and forgets it once expired', async () => {
		const storage = memoryStorage();
		const backend = createEmbeddedBackend({ baseUrl: baseURL, storage });
		const session = await backend.signIn(accounts.staffA.username, accounts.staffA.password);
		expect(session).toMatchObject({ role: 'staff', shelter_id: accounts.staffA.shelter_id });
		expect(JSON.parse(storage.map.get(sessionKey)!)).toEqual(session);
		// A new page load (new adapter, same storage) is still signed in…
		expect(createEmbeddedBackend({ baseUrl: baseURL, storage }).session()).toEqual(session);
		// …until the token expires.
		const later = createEmbeddedBackend({
			baseUrl: baseURL,
			storage,
			now: () => (session.expires_at + 1) * 1000
		});
		expect(later.session()).toBeNull();
		expect(storage.map.has(sessionKey)).toBe(false);
		await expect(backend.signIn(accounts.staffA.username, 'wrong password!')).rejects.toMatchObject({
			status: 401,
			code: 'invalid_credentials'
		});
	});

	it('reports, refuses with BackendError, and reuses the shelters snapshot on 304', async () => {
		const backend = createEmbeddedBackend({ baseUrl: baseURL, storage: memoryStorage() });
		const first = await backend.listShelters();
		expect(await backend.listShelters()).toBe(first);
		await backend.signIn(accounts.staffB.username, accounts.staffB.password);
		const ack = await backend.submitReport(reportFor(accounts.staffB.shelter_id));
		expect(ack.duplicate).toBe(false);
		const refused = await backend.submitReport(reportFor(accounts.staffA.shelter_id)).catch((e) => e);
		expect(refused).toBeInstanceOf(BackendError);
		expect(refused).toMatchObject({ status: 403, code: 'forbidden' });
		const mine = await backend.listReports({ shelterId: accounts.staffB.shelter_id });
		expect(mine.some((r) => r.client_id === ack.client_id)).toBe(true);
	});

	it('subscribe delivers live events and reports its state', async () => {
		const hq = createEmbeddedBackend({ baseUrl: baseURL, storage: memoryStorage() });
		await hq.signIn(accounts.hq.username, accounts.hq.password);
		const events: LiveEvent[] = [];
		const states: LiveState[] = [];
		const stop = hq.subscribe(
			['hq', 'alerts'],
			(e) => events.push(e),
			(s) => states.push(s)
		);
		await expect.poll(() => states.includes('live')).toBe(true);
		const staff = createEmbeddedBackend({ baseUrl: baseURL, storage: memoryStorage() });
		await staff.signIn(accounts.staffA.username, accounts.staffA.password);
		const report = reportFor(accounts.staffA.shelter_id);
		await staff.submitReport(report);
		await expect
			.poll(() => events.find((e) => (e.payload as { client_id?: string }).client_id === report.client_id))
			.toMatchObject({ topic: 'hq', event: 'report' });
		stop();
		await expect.poll(() => states.at(-1)).toBe('closed');
	});
});
