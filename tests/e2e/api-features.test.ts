/**
 * The rest of the HTTP API against the real server: shelters snapshot with ETag/304, alerts
 * (issue, cancel, who may), messages with read receipts, drill mode, and that a production
 * start made no demo account.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Alert } from '#lib/domain/alert.ts';
import type { ShelterCollection } from '#lib/domain/shelter.ts';
import { call, signInAll } from '../support/api.ts';

const baseURL = inject('baseURL');
const accounts = inject('accounts');
const dataDir = inject('dataDir');

let hq = '';
let staffA = '';
let staffB = '';

beforeAll(async () => {
	({ hq, staffA, staffB } = await signInAll(baseURL, accounts));
});

describe('GET /api/shelters', () => {
	it('is a FeatureCollection with ids in properties, cacheable, and 304 on a matching ETag', async () => {
		const first = await fetch(`${baseURL}/api/shelters`);
		expect(first.status).toBe(200);
		const body = (await first.json()) as ShelterCollection;
		expect(body.type).toBe('FeatureCollection');
		expect(body.features.length).toBeGreaterThan(1);
		const ids = body.features.map((f) => f.properties.id);
		expect(ids).toContain(accounts.staffA.shelter_id);
		expect(body.features[0].geometry.type).toBe('Point');
		expect(body.features.every((f) => (f.properties as { hidden?: boolean }).hidden !== true)).toBe(true);
		const etag = first.headers.get('etag');
		expect(etag).toMatch(/^".+"$/);
		expect(first.headers.get('cache-control')).toMatch(/max-age=\d+/);
		const again = await fetch(`${baseURL}/api/shelters`, { headers: { 'if-none-match': etag! } });
		expect(again.status).toBe(304);
		const stale = await fetch(`${baseURL}/api/shelters`, { headers: { 'if-none-match': '"old"' } });
		expect(stale.status).toBe(200);
	});
});

describe('alerts', () => {
	const alert = {
		level: 4,
		hazard: 'flood',
		areas: ['all'],
		text: { ja: '避難指示（テスト用の合成データ）', en: 'Evacuate (synthetic test data)' }
	};

	it('HQ issues and cancels; staff and anonymous callers may not; everyone reads', async () => {
		expect((await call(baseURL, 'POST', '/api/alerts', { token: staffA, body: alert })).status).toBe(403);
		expect((await call(baseURL, 'POST', '/api/alerts', { body: alert })).status).toBe(401);
		const issued = await call<Alert>(baseURL, 'POST', '/api/alerts', { token: hq, body: alert });
		expect(issued.status).toBe(201);
		expect(issued.body).toMatchObject({ level: 4, hazard: 'flood', areas: ['all'], cancelled_at: null });

		const anon = await call<Alert[]>(baseURL, 'GET', '/api/alerts?active=true');
		const seen = anon.body.find((a) => a.id === issued.body.id);
		expect(seen).toMatchObject({ text: alert.text, issued_by: null });

		expect(
			(await call(baseURL, 'POST', `/api/alerts/${issued.body.id}/cancel`, { token: staffB, body: {} }))
				.status
		).toBe(403);
		const cancelled = await call<Alert>(baseURL, 'POST', `/api/alerts/${issued.body.id}/cancel`, {
			token: hq,
			body: {}
		});
		expect(cancelled.status).toBe(200);
		expect(cancelled.body.cancelled_at).not.toBeNull();
		const twice = await call<Alert>(baseURL, 'POST', `/api/alerts/${issued.body.id}/cancel`, {
			token: hq,
			body: {}
		});
		expect(twice.body.cancelled_at).toBe(cancelled.body.cancelled_at);
		const active = await call<Alert[]>(baseURL, 'GET', '/api/alerts?active=true');
		expect(active.body.some((a) => a.id === issued.body.id)).toBe(false);
	});

	it('refuses bad alerts and unknown ids with 4xx JSON', async () => {
		const count = async () => (await call<Alert[]>(baseURL, 'GET', '/api/alerts?limit=1000')).body.length;
		const before = await count();
		for (const body of [
			{ ...alert, level: 2 },
			{ ...alert, hazard: 'meteor' },
			{ ...alert, areas: [] },
			{ ...alert, text: { en: 'no japanese' } },
			{ ...alert, expires_at: '2000-01-01T00:00:00Z' }
		]) {
			const r = await call(baseURL, 'POST', '/api/alerts', { token: hq, body });
			expect(r.status).toBe(400);
			expect(r.body).toMatchObject({ error: { message: expect.any(String) } });
		}
		expect(await count()).toBe(before);
		for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
			expect((await call(baseURL, 'POST', `/api/alerts/${id}/cancel`, { token: hq, body: {} })).status).toBe(
				404
			);
		}
	});
});

describe('messages and read receipts', () => {
	it('HQ → shelter A: A sees it and confirms, B never sees it, HQ sees the receipt', async () => {
		const body = `synthetic message ${Date.now()}`;
		expect(
			(await call(baseURL, 'POST', '/api/messages', { token: staffA, body: { shelter_id: null, body } }))
				.status
		).toBe(403);
		const sent = await call<{ id: string }>(baseURL, 'POST', '/api/messages', {
			token: hq,
			body: { shelter_id: accounts.staffA.shelter_id, body }
		});
		expect(sent.status).toBe(201);
		type Listed = { id: string; read_at: string | null; reads: { shelter_id: string }[] };
		const forA = await call<Listed[]>(baseURL, 'GET', '/api/messages', { token: staffA });
		expect(forA.body.find((m) => m.id === sent.body.id)).toMatchObject({ read_at: null });
		const forB = await call<Listed[]>(baseURL, 'GET', '/api/messages', { token: staffB });
		expect(forB.body.some((m) => m.id === sent.body.id)).toBe(false);
		expect(
			(await call(baseURL, 'POST', `/api/messages/${sent.body.id}/read`, { token: staffB, body: {} })).status
		).toBe(404);

		const read = await call<{ read_at: string }>(baseURL, 'POST', `/api/messages/${sent.body.id}/read`, {
			token: staffA,
			body: {}
		});
		expect(read.status).toBe(200);
		const afterA = await call<Listed[]>(baseURL, 'GET', '/api/messages', { token: staffA });
		const readAt = afterA.body.find((m) => m.id === sent.body.id)?.read_at;
		expect(Date.parse(readAt ?? '')).toBe(Date.parse(read.body.read_at));
		const forHq = await call<Listed[]>(baseURL, 'GET', '/api/messages', { token: hq });
		expect(forHq.body.find((m) => m.id === sent.body.id)?.reads).toEqual([
			{ shelter_id: accounts.staffA.shelter_id, read_at: expect.any(String) }
		]);
		expect((await call(baseURL, 'GET', '/api/messages')).status).toBe(401);
		expect(
			(await call(baseURL, 'POST', '/api/messages', { token: hq, body: { shelter_id: 'nope', body } })).status
		).toBe(404);
		expect(
			(await call(baseURL, 'POST', '/api/messages', { token: hq, body: { shelter_id: null, body: '' } }))
				.status
		).toBe(400);
	});
});

describe('drill mode', () => {
	afterAll(async () => {
		await call(baseURL, 'POST', '/api/drill', { token: hq, body: { on: false } });
	});

	it('only HQ switches it; every caller sees it in /api/drill and the shelters snapshot', async () => {
		expect((await call(baseURL, 'POST', '/api/drill', { token: staffA, body: { on: true } })).status).toBe(
			403
		);
		expect((await call(baseURL, 'POST', '/api/drill', { token: hq, body: { on: 'yes' } })).status).toBe(400);
		expect((await call(baseURL, 'POST', '/api/drill', { token: hq, body: { on: true } })).status).toBe(200);
		expect((await call(baseURL, 'GET', '/api/drill')).body).toEqual({ drill_mode: true });
		expect((await call<ShelterCollection>(baseURL, 'GET', '/api/shelters')).body.drill).toBe(true);
		expect((await call(baseURL, 'POST', '/api/drill', { token: hq, body: { on: false } })).status).toBe(200);
		expect((await call(baseURL, 'GET', '/api/drill')).body).toEqual({ drill_mode: false });
	});
});

describe('accounts in production', () => {
	it('a production start made no demo account', async () => {
		expect(existsSync(join(dataDir, 'DEMO-ACCOUNTS.txt'))).toBe(false);
		const r = await call(baseURL, 'POST', '/api/auth/token', {
			body: { username: 'demo-hq', password: 'demo-hq-password' }
		});
		expect(r.status).toBe(401);
	});
});
