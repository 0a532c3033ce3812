/**
 * Property-based fuzzing (fast-check) of every API endpoint's body, query and headers against the
 * real production server: every generated bad input gets a 4xx JSON error with a message (never a
 * 5xx), and the database is unchanged (a checksum of every table before and after).
 * The server runs on a data dir of its own so the checksums see only this test.
 */
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, call, pickShelters, reportFor, signIn } from '../support/api.ts';
import { checksumTables, type TableChecksums } from '../support/db-snapshot.ts';
import { startServer, tempDataDir, type RunningServer } from '../support/server.ts';

const runs = Number(process.env.BOSAI_FUZZ_RUNS ?? 40);
const dataDir = tempDataDir('bosai-fuzz-');
let server: RunningServer;
let before: TableChecksums;
let hqToken = '';
let staffToken = '';
let shelterA = '';

/** Printable ASCII only: fetch itself refuses other bytes in header values. */
const headerText = fc.stringMatching(/^[\x21-\x7e]{0,120}$/);
const wrongType = fc.oneof(
	fc.integer(),
	fc.double(),
	fc.boolean(),
	fc.array(fc.string(), { maxLength: 3 }),
	fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 })
);
const hugeString = fc.integer({ min: 2_001, max: 70_000 }).map((n) => 'あ'.repeat(n));

type Mutation = [field: string, bad: fc.Arbitrary<unknown>];

/**
 * A valid body with one field replaced by a value that is invalid for that field, an extra key,
 * or a required field left out (`optional` names the fields that may be left out).
 */
function mutated(valid: () => Record<string, unknown>, mutations: Mutation[], optional: string[] = []) {
	const required = mutations.map(([field]) => field).filter((field) => !optional.includes(field));
	return fc.oneof(
		...mutations.map(([field, bad]) => bad.map((value) => ({ ...valid(), [field]: value }))),
		fc.string({ minLength: 1, maxLength: 20 }).map((key) => ({ ...valid(), [`x_${key}`]: 1 })),
		fc.constantFrom(...required).map((field) => {
			const body = valid();
			delete body[field];
			return body;
		})
	);
}

/**
 * Kit's own CSRF guard answers a POST with a form-like or missing content type and no Origin
 * with 403 `{ message }` (JSON because we ask for JSON): a correct refusal, in Kit's shape.
 */
function isKitCsrfRefusal(status: number, body: unknown): boolean {
	return (
		status === 403 &&
		typeof body === 'object' &&
		body !== null &&
		/^Cross-site \w+ form submissions are forbidden$/.test(String((body as { message?: unknown }).message))
	);
}

/** Any JSON value that is not an object at all, or bytes that are not JSON. */
const notAnObject = fc.oneof(
	fc.jsonValue().filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
	fc.string({ maxLength: 200 }).filter((s) => {
		try {
			JSON.parse(s);
			return false;
		} catch {
			return true;
		}
	})
);

async function expectRejected(
	method: string,
	path: string,
	options: Parameters<typeof call>[3]
): Promise<void> {
	const result = await call<{ error?: { code?: string; message?: string } }>(server.url, method, path, {
		...options,
		headers: { accept: 'application/json', ...options?.headers }
	});
	const label = `${method} ${path} → ${result.status} ${JSON.stringify(result.body).slice(0, 200)}`;
	expect(result.status, label).toBeGreaterThanOrEqual(400);
	expect(result.status, label).toBeLessThan(500);
	expect(typeof result.body === 'object' && result.body !== null, label).toBe(true);
	if (isKitCsrfRefusal(result.status, result.body)) return;
	expect(result.body.error?.code, label).toEqual(expect.any(String));
	expect(result.body.error?.message, label).toEqual(expect.any(String));
}

beforeAll(async () => {
	[shelterA] = pickShelters(dataDir);
	const hq = addAccount(dataDir, 'fuzz-hq', 'hq');
	const staff = addAccount(dataDir, 'fuzz-staff', 'staff', shelterA);
	// A first start seeds the shelters; take tokens, stop, then checksum the quiet database.
	server = await startServer({ dataDir });
	hqToken = (await signIn(server.url, hq)).access_token;
	staffToken = (await signIn(server.url, staff)).access_token;
	await server.stop();
	before = await checksumTables(dataDir);
	server = await startServer({ dataDir, port: server.port });
}, 120_000);

afterAll(async () => {
	await server?.stop();
});

describe('fuzzing the API with bad input', () => {
	const property = (arbitrary: fc.Arbitrary<unknown>, check: (value: never) => Promise<void>) =>
		fc.assert(fc.asyncProperty(arbitrary, check as (value: unknown) => Promise<void>), { numRuns: runs });

	it('POST /api/reports', async () => {
		const valid = () => reportFor(shelterA) as unknown as Record<string, unknown>;
		const bodies = fc.oneof(
			mutated(valid, [
				['client_id', fc.oneof(wrongType, fc.string({ maxLength: 40 }))],
				['shelter_id', fc.oneof(wrongType, fc.constant(''), fc.string({ minLength: 65, maxLength: 80 }))],
				[
					'status',
					fc.oneof(
						wrongType,
						fc
							.string({ maxLength: 20 })
							.filter((s) => !['not_opened', 'preparing', 'open', 'closed'].includes(s))
					)
				],
				[
					'evacuees',
					fc.oneof(
						fc.integer({ max: -1 }),
						fc.double({ min: 0.1, max: 99.9, noInteger: true }),
						fc.integer({ min: 100_001 }),
						fc.string()
					)
				],
				['crowding', fc.oneof(wrongType, fc.constant('packed'))],
				['needs', fc.oneof(fc.constant(['caviar']), fc.string(), fc.array(fc.integer(), { minLength: 1 }))],
				['note', fc.oneof(hugeString, fc.integer())],
				['reported_at', fc.oneof(fc.constant('yesterday'), fc.constant('2026-13-45T99:00:00Z'), fc.integer())]
			]),
			// Another shelter's report, or one that does not exist: refused by RLS / the RPC.
			fc.constantFrom('no-such-shelter', 'zz-unknown').map((id) => reportFor(id))
		);
		await property(bodies, async (body) =>
			expectRejected('POST', '/api/reports', { token: staffToken, body })
		);
		await property(notAnObject, async (body) =>
			expectRejected('POST', '/api/reports', {
				token: staffToken,
				body: typeof body === 'string' ? body : JSON.stringify(body)
			})
		);
	});

	it('headers: content type, authorization, size', async () => {
		const body = JSON.stringify(reportFor(shelterA));
		await property(
			fc.constantFrom(
				'text/plain',
				'application/xml',
				'text/csv',
				'application/x-www-form-urlencoded',
				'multipart/form-data; boundary=x'
			),
			async (type) =>
				expectRejected('POST', '/api/reports', { token: staffToken, body, headers: { 'content-type': type } })
		);
		await property(headerText, async (token) =>
			expectRejected('POST', '/api/reports', { body, headers: { authorization: `Bearer ${token}` } })
		);
		await property(headerText, async (value) =>
			expectRejected('POST', '/api/reports', { body, headers: { authorization: value } })
		);
		await expectRejected('POST', '/api/reports', {
			token: staffToken,
			body: `{"note":"${'x'.repeat(70_000)}"}`
		});
	});

	it('POST /api/auth/token', async () => {
		const bodies = fc.oneof(
			mutated(
				() => ({ username: 'fuzz-hq', password: 'wrong password for fuzzing' }),
				[
					['username', fc.oneof(wrongType, hugeString)],
					['password', fc.oneof(wrongType, hugeString)]
				]
			),
			fc.record({ username: fc.string({ maxLength: 30 }), password: fc.string({ maxLength: 30 }) })
		);
		await property(bodies, async (body) => expectRejected('POST', '/api/auth/token', { body }));
		await property(notAnObject, async (body) =>
			expectRejected('POST', '/api/auth/token', {
				body: typeof body === 'string' ? body : JSON.stringify(body)
			})
		);
	});

	it('POST /api/alerts, cancel, drill (HQ)', async () => {
		const valid = () => ({ level: 4, hazard: 'flood', areas: ['all'], text: { ja: '合成テスト（fuzz）' } });
		const bodies = mutated(
			valid,
			[
				[
					'level',
					fc.oneof(
						fc.integer().filter((n) => ![3, 4, 5].includes(n)),
						fc.constant('4'),
						wrongType
					)
				],
				['hazard', fc.oneof(fc.constant('meteor'), wrongType)],
				[
					'areas',
					fc.oneof(fc.constant([]), fc.constant(['']), fc.string(), fc.array(fc.integer(), { minLength: 1 }))
				],
				[
					'text',
					fc.oneof(
						fc.constant({}),
						fc.constant({ en: 'no Japanese' }),
						fc.constant({ ja: '' }),
						fc.record({ ja: hugeString }),
						fc.string()
					)
				],
				['expires_at', fc.oneof(fc.constant('soon'), fc.integer())]
			],
			['expires_at']
		);
		await property(bodies, async (body) => expectRejected('POST', '/api/alerts', { token: hqToken, body }));
		await property(fc.oneof(fc.stringMatching(/^[a-z0-9-]{1,40}$/), fc.constant(randomUUID())), async (id) =>
			expectRejected('POST', `/api/alerts/${id}/cancel`, { token: hqToken })
		);
		await property(
			mutated(() => ({ on: true }), [['on', fc.oneof(fc.constant('yes'), fc.integer(), fc.constant(null))]]),
			async (body) => expectRejected('POST', '/api/drill', { token: hqToken, body })
		);
	});

	it('POST /api/messages and read receipts', async () => {
		const bodies = mutated(
			() => ({ shelter_id: shelterA, body: '合成テスト（fuzz）' }),
			[
				[
					'shelter_id',
					fc.oneof(
						fc.constant(''),
						fc.constant('no-such-shelter'),
						fc.integer(),
						fc.string({ minLength: 65, maxLength: 70 })
					)
				],
				['body', fc.oneof(fc.constant(''), fc.constant('   '), hugeString, fc.integer())]
			]
		);
		await property(bodies, async (body) => expectRejected('POST', '/api/messages', { token: hqToken, body }));
		await property(fc.oneof(fc.stringMatching(/^[a-z0-9-]{1,40}$/), fc.constant(randomUUID())), async (id) =>
			expectRejected('POST', `/api/messages/${id}/read`, { token: staffToken })
		);
		// Opening orders (開設指示): invalid bodies, unknown shelters and orders; nothing is written.
		const orderBodies = fc.oneof(
			fc.anything(),
			fc.record({
				shelter_ids: fc.oneof(
					fc.constant([]),
					fc.constant(['synthetic-no-such-shelter']),
					fc.array(fc.string({ minLength: 65, maxLength: 70 }), { minLength: 1, maxLength: 3 })
				)
			}),
			fc.record({ hazard: fc.string({ maxLength: 12 }).filter((h) => !/^[a-z_]+$/.test(h)) }),
			fc.record({ shelter_ids: fc.constant(['x']), hazard: fc.constant('flood') }),
			fc.record({ hazard: fc.constant('flood'), note: hugeString })
		);
		await property(orderBodies, async (body) =>
			expectRejected('POST', '/api/open-orders', { token: hqToken, body })
		);
		await property(fc.oneof(fc.stringMatching(/^[a-z0-9-]{1,20}$/), fc.constant('999999999')), async (id) =>
			expectRejected('POST', `/api/open-orders/${id}/ack`, {
				token: staffToken,
				body: { client_id: randomUUID() }
			})
		);
	});

	it('query strings: reports, messages, live', async () => {
		const garbage = fc.string({ minLength: 1, maxLength: 60 }).filter((s) => Number.isNaN(Date.parse(s)));
		await property(garbage, async (since) =>
			expectRejected('GET', `/api/reports?since=${encodeURIComponent(since)}`, { token: hqToken })
		);
		await property(
			fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 5_001 }), fc.constant('ten')),
			async (limit) =>
				expectRejected('GET', `/api/reports?limit=${encodeURIComponent(String(limit))}`, { token: hqToken })
		);
		await property(garbage, async (since) =>
			expectRejected('GET', `/api/messages?since=${encodeURIComponent(since)}`, { token: staffToken })
		);
		await property(
			fc
				.string({ minLength: 1, maxLength: 40 })
				.filter(
					(s) => !/^(shelters|alerts|hq|shelter:.+)$/.test(s.trim()) && s.trim() !== '' && !s.includes(',')
				),
			async (topic) => expectRejected('GET', `/api/live?topics=${encodeURIComponent(topic)}`, {})
		);
		await property(fc.stringMatching(/^[A-Za-z!-/:-@][\x21-\x7e]{0,20}$/), async (lastId) =>
			expectRejected('GET', '/api/live?topics=shelters', { headers: { 'last-event-id': lastId } })
		);
	});

	it('HQ master data and import', async () => {
		const patches = fc.oneof(
			fc.record({
				capacity: fc.oneof(
					fc.integer({ max: 0 }),
					fc.double({ min: 0.5, max: 9.5, noInteger: true }),
					fc.string()
				)
			}),
			fc.record({ lat: fc.oneof(fc.double({ min: 90.5, max: 1e6 }), fc.string()) }),
			fc.record({ hazards: fc.constant(['meteor']) }),
			fc.record({ name: fc.oneof(fc.constant(''), hugeString) }),
			fc.record({ id: fc.string() })
		);
		await property(patches, async (body) =>
			expectRejected('PATCH', `/api/shelters/${encodeURIComponent(shelterA)}`, { token: hqToken, body })
		);
		const csv = fc.oneof(
			fc.string({ maxLength: 300 }),
			fc.constant('名称,緯度,経度\n合成テスト避難所,not-a-number,139.5\n'),
			fc.constant('\uFEFF全国地方公共団体コード,ID,名称\n132195,,\n')
		);
		// The preview (no ?commit) answers 200 with per-row errors by design and writes nothing (the
		// final checksum covers it); the committing call must refuse the same files.
		await property(csv, async (text) =>
			expectRejected('POST', '/api/import/shelters?commit=1', {
				token: hqToken,
				body: text,
				headers: { 'content-type': 'text/csv' }
			})
		);
	});

	it('every HQ endpoint refuses staff and anonymous callers', async () => {
		const hqOnly: [string, string][] = [
			['GET', '/api/reports'],
			['POST', '/api/alerts'],
			['POST', '/api/drill'],
			['POST', '/api/messages'],
			['GET', '/api/export/shelters.csv'],
			['GET', '/api/export/shelters.geojson'],
			['GET', '/api/export/reports.csv'],
			['POST', '/api/import/shelters'],
			['GET', '/api/audit'],
			['POST', '/api/open-orders'],
			['POST', '/api/open-orders/1/cancel'],
			['POST', '/api/open-orders/1/resend']
		];
		for (const [method, path] of hqOnly) {
			const body = method === 'POST' ? {} : undefined;
			await expectRejected(method, path, { body });
			if (path !== '/api/reports') await expectRejected(method, path, { token: staffToken, body });
		}
	});

	it('the database is unchanged after all of it', async () => {
		await server.stop();
		const after = await checksumTables(dataDir);
		expect(after).toEqual(before);
		server = await startServer({ dataDir, port: server.port });
	}, 120_000);
});
