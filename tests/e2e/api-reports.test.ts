/**
 * POST /api/reports over HTTP: idempotency on client_id (sequential and concurrent → one row,
 * same answer), who may report where, and bad input → 4xx JSON with a message and no row written.
 * Rows are counted through GET /api/reports as HQ, which reads the database as HQ (RLS: all).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { SignJWT } from 'jose';
import type { Report } from '#lib/domain/report.ts';
import { call, reportFor, signInAll } from '../support/api.ts';

const baseURL = inject('baseURL');
const accounts = inject('accounts');

let hq = '';
let staffA = '';
let staffB = '';

beforeAll(async () => {
	({ hq, staffA, staffB } = await signInAll(baseURL, accounts));
});

async function allReports(): Promise<Report[]> {
	const r = await call<Report[]>(baseURL, 'GET', '/api/reports?limit=5000', { token: hq });
	expect(r.status).toBe(200);
	return r.body;
}

describe('POST /api/reports idempotency', () => {
	it('the same client_id twice → 201 then 200 with the same answer, one row', async () => {
		const report = reportFor(accounts.staffA.shelter_id);
		const first = await call(baseURL, 'POST', '/api/reports', { token: staffA, body: report });
		const second = await call(baseURL, 'POST', '/api/reports', { token: staffA, body: report });
		expect(first.status).toBe(201);
		expect(second.status).toBe(200);
		expect(second.body).toMatchObject({ ...(first.body as object), duplicate: true });
		expect((first.body as { duplicate: boolean }).duplicate).toBe(false);
		expect((await allReports()).filter((r) => r.client_id === report.client_id)).toHaveLength(1);
	});

	it('the same client_id sent 8 times concurrently → one row, every answer names it', async () => {
		const report = reportFor(accounts.staffA.shelter_id, { evacuees: 40, crowding: 'slightly_crowded' });
		const answers = await Promise.all(
			Array.from({ length: 8 }, () =>
				call<{ id: number; duplicate: boolean }>(baseURL, 'POST', '/api/reports', {
					token: staffA,
					body: report
				})
			)
		);
		expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
		expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
		expect(answers.filter((a) => !a.body.duplicate)).toHaveLength(1);
		const rows = (await allReports()).filter((r) => r.client_id === report.client_id);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			evacuees: 40,
			crowding: 'slightly_crowded',
			shelter_id: accounts.staffA.shelter_id
		});
	});
});

describe('who may report', () => {
	it('staff of another shelter → 403, HQ may report for any shelter', async () => {
		const before = (await allReports()).length;
		const other = await call(baseURL, 'POST', '/api/reports', {
			token: staffB,
			body: reportFor(accounts.staffA.shelter_id)
		});
		expect(other.status).toBe(403);
		expect(other.body).toMatchObject({ error: { code: 'forbidden', message: expect.any(String) } });
		expect((await allReports()).length).toBe(before);
		const byHq = await call(baseURL, 'POST', '/api/reports', {
			token: hq,
			body: reportFor(accounts.staffB.shelter_id)
		});
		expect(byHq.status).toBe(201);
	});

	it('GET /api/reports gives staff only their own shelter; HQ sees both', async () => {
		await call(baseURL, 'POST', '/api/reports', {
			token: staffB,
			body: reportFor(accounts.staffB.shelter_id)
		});
		const mine = await call<Report[]>(baseURL, 'GET', '/api/reports', { token: staffB });
		expect(mine.status).toBe(200);
		expect(mine.body.length).toBeGreaterThan(0);
		expect(new Set(mine.body.map((r) => r.shelter_id))).toEqual(new Set([accounts.staffB.shelter_id]));
		const all = new Set((await allReports()).map((r) => r.shelter_id));
		expect(all.has(accounts.staffA.shelter_id) && all.has(accounts.staffB.shelter_id)).toBe(true);
	});

	it('GET /api/reports?since= returns only newer reports, newest first', async () => {
		const since = new Date().toISOString();
		await new Promise((r) => setTimeout(r, 5));
		const a = reportFor(accounts.staffA.shelter_id);
		const b = reportFor(accounts.staffA.shelter_id);
		await call(baseURL, 'POST', '/api/reports', { token: staffA, body: a });
		await call(baseURL, 'POST', '/api/reports', { token: staffA, body: b });
		const r = await call<Report[]>(baseURL, 'GET', `/api/reports?since=${encodeURIComponent(since)}`, {
			token: hq
		});
		expect(r.body.map((x) => x.client_id)).toEqual([b.client_id, a.client_id]);
		const bad = await call(baseURL, 'GET', '/api/reports?since=yesterday', { token: hq });
		expect(bad.status).toBe(400);
	});
});

describe('GET /api/reports paging (issue 18, L2)', () => {
	it('pages newest first by cursor: Link rel="next" and X-Next-Cursor, no row skipped or repeated', async () => {
		const shelter = accounts.staffB.shelter_id;
		// HQ's reports (HQ accounts are not rate limited), some in one burst with close receive times.
		await Promise.all(
			Array.from({ length: 5 }, () =>
				call(baseURL, 'POST', '/api/reports', { token: hq, body: reportFor(shelter) })
			)
		);
		const path = `/api/reports?shelter_id=${encodeURIComponent(shelter)}`;
		const whole = await call<Report[]>(baseURL, 'GET', `${path}&limit=5000`, { token: hq });
		expect(whole.headers.get('link')).toBeNull();
		const paged: Report[] = [];
		let next: string | null = `${path}&limit=2`;
		while (next) {
			const page: Awaited<ReturnType<typeof call<Report[]>>> = await call<Report[]>(baseURL, 'GET', next, {
				token: hq
			});
			expect(page.status).toBe(200);
			expect(page.body.length).toBeLessThanOrEqual(2);
			paged.push(...page.body);
			const link = page.headers.get('link');
			next = link ? /^<([^>]+)>; rel="next"$/.exec(link)![1] : null;
			if (next) expect(next).toContain(`cursor=${encodeURIComponent(page.headers.get('x-next-cursor')!)}`);
		}
		expect(paged.map((r) => r.id)).toEqual(whole.body.map((r) => r.id));
		expect(paged.length).toBeGreaterThanOrEqual(5);
	});

	it('a bad cursor or a limit above 5000 is a 400 JSON error', async () => {
		for (const query of ['cursor=yesterday', 'cursor=2026-12-02T00:00:00Z_1', 'limit=5001']) {
			const r = await call(baseURL, 'GET', `/api/reports?${query}`, { token: hq });
			expect(r.status, query).toBe(400);
			expect(r.body).toMatchObject({ error: { code: 'invalid_query', message: expect.any(String) } });
		}
	});
});

describe('bad input → 4xx JSON, nothing written', () => {
	const shelter = () => accounts.staffA.shelter_id;
	const cases: [
		string,
		() => { body: unknown; headers?: Record<string, string>; token?: () => Promise<string> | string },
		number
	][] = [
		['bad JSON', () => ({ body: '{"client_id": ' }), 400],
		['not an object', () => ({ body: '[1,2,3]' }), 400],
		[
			'wrong content type',
			() => ({ body: JSON.stringify(reportFor(shelter())), headers: { 'content-type': 'application/xml' } }),
			415
		],
		['evacuees as a string', () => ({ body: { ...reportFor(shelter()), evacuees: '12' } }), 400],
		['negative evacuees', () => ({ body: { ...reportFor(shelter()), evacuees: -1 } }), 400],
		['fractional evacuees', () => ({ body: { ...reportFor(shelter()), evacuees: 1.5 } }), 400],
		['unknown status', () => ({ body: { ...reportFor(shelter()), status: 'exploded' } }), 400],
		['unknown need', () => ({ body: { ...reportFor(shelter()), needs: ['caviar'] } }), 400],
		['a NUL character in the note', () => ({ body: { ...reportFor(shelter()), note: 'a\u0000b' } }), 400],
		['note of 501 characters', () => ({ body: { ...reportFor(shelter()), note: 'あ'.repeat(501) } }), 400],
		['a 200 kB body', () => ({ body: { ...reportFor(shelter()), note: 'x'.repeat(200_000) } }), 413],
		['client_id not a uuid', () => ({ body: { ...reportFor(shelter()), client_id: 'abc' } }), 400],
		['extra field', () => ({ body: { ...reportFor(shelter()), reporter: 'someone' } }), 400],
		['reported_at not a date', () => ({ body: { ...reportFor(shelter()), reported_at: 'now' } }), 400],
		[
			'reported_at far in the future',
			() => ({ body: { ...reportFor(shelter()), reported_at: '2099-01-01T00:00:00Z' } }),
			400
		],
		['unknown shelter (HQ)', () => ({ body: reportFor('no-such-shelter'), token: () => hq }), 404],
		['no token', () => ({ body: reportFor(shelter()), token: () => '' }), 401],
		[
			'expired token',
			() => ({
				body: reportFor(shelter()),
				token: async () => {
					const secret = new TextEncoder().encode(inject('jwtSecret'));
					const sub = JSON.parse(Buffer.from(staffA.split('.')[1], 'base64url').toString()).sub;
					return new SignJWT({ role: 'authenticated' })
						.setProtectedHeader({ alg: 'HS256' })
						.setSubject(sub)
						.setIssuer('bosai-map')
						.setAudience('authenticated')
						.setExpirationTime(Math.floor(Date.now() / 1000) - 1)
						.sign(secret);
				}
			}),
			401
		],
		['forged token', () => ({ body: reportFor(shelter()), token: () => staffA.slice(0, -4) + 'AAAA' }), 401]
	];

	for (const [name, make, status] of cases) {
		it(`${name} → ${status}`, async () => {
			const before = (await allReports()).length;
			const { body, headers, token } = make();
			const r = await call(baseURL, 'POST', '/api/reports', {
				token: token ? await token() : staffA,
				body,
				headers
			});
			expect(r.status).toBe(status);
			expect(r.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
			expect((await allReports()).length).toBe(before);
		});
	}
});
