/**
 * HQ endpoints over HTTP against the real production server: CAP 1.2 and Atom validated with
 * xmllint against ../shared/schemas, CSV export → import round trip, a bad CSV that writes
 * nothing, master-data edits that announce nothing, and 403 for staff and anonymous callers.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { capRuleViolations, elementTexts } from '#lib/cap/rules.ts';
import { extraMasterColumns, standardColumns } from '#lib/csv/columns.ts';
import type { Alert } from '#lib/domain/alert.ts';
import { call, liveSubscriber, reportFor, signIn } from '../support/api.ts';
import { xmllintErrors } from '../support/xmllint.ts';

const baseURL = inject('baseURL');
const accounts = inject('accounts');

/** Body-less writes still declare JSON, or SvelteKit's CSRF guard takes them for a form post. */
const json = { 'content-type': 'application/json' };

let hq = '';
let staff = '';

beforeAll(async () => {
	hq = (await signIn(baseURL, accounts.hq)).access_token;
	staff = (await signIn(baseURL, accounts.staffA)).access_token;
});

async function text(path: string, token?: string) {
	const response = await fetch(baseURL + path, {
		headers: token ? { authorization: `Bearer ${token}` } : {}
	});
	// Decoded by hand: Response.text() would drop the BOM the exports must carry.
	const bytes = new Uint8Array(await response.arrayBuffer());
	const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
	return { status: response.status, type: response.headers.get('content-type') ?? '', body };
}

async function issue(body: Record<string, unknown>): Promise<Alert> {
	const result = await call<Alert>(baseURL, 'POST', '/api/alerts', { token: hq, body });
	expect(result.status).toBe(201);
	return result.body;
}

async function cancel(id: string) {
	expect((await call(baseURL, 'POST', `/api/alerts/${id}/cancel`, { token: hq, body: {} })).status).toBe(200);
}

async function shelterCount(): Promise<number> {
	const result = await call<{ features: unknown[] }>(baseURL, 'GET', '/api/export/shelters.geojson', {
		token: hq
	});
	return result.body.features.length;
}

/** Real 町丁目 from the importer's output (the same list the area picker offers). */
const towns = (JSON.parse(readFileSync('data/out/komae/towns.json', 'utf8')) as { name: string }[]).map(
	(town) => town.name
);

describe('CAP 1.2 and Atom', () => {
	const issued: string[] = [];
	afterAll(async () => {
		for (const id of issued) await call(baseURL, 'POST', `/api/alerts/${id}/cancel`, { token: hq, body: {} });
		await call(baseURL, 'POST', '/api/drill', { token: hq, body: { on: false } });
	});

	it('an alert for real 町丁目 is valid CAP; its cancel references it; Atom lists current alerts only', async () => {
		const areas = towns.slice(0, 2);
		expect(areas).toHaveLength(2);
		const alert = await issue({
			level: 4,
			hazard: 'flood',
			areas,
			text: { ja: '多摩川の水位上昇 <synthetic> & 避難', en: 'Synthetic test alert' }
		});
		issued.push(alert.id);
		const cap = await text(`/api/alerts/${alert.id}.cap`);
		expect(cap.status).toBe(200);
		expect(cap.type).toContain('application/cap+xml');
		expect(xmllintErrors(cap.body, 'cap')).toBe('');
		expect(capRuleViolations(cap.body)).toEqual([]);
		expect(elementTexts(cap.body, 'msgType')).toEqual(['Alert']);
		expect(elementTexts(cap.body, 'status')).toEqual(['Actual']);
		expect(elementTexts(cap.body, 'language')).toEqual(['ja', 'en']);
		expect(elementTexts(cap.body, 'value')).toEqual(expect.arrayContaining(['132195', ...areas]));

		let atom = await text('/api/alerts.atom');
		expect(atom.type).toContain('application/atom+xml');
		expect(xmllintErrors(atom.body, 'atom')).toBe('');
		// adapter-node 6 takes the scheme from PROTOCOL_HEADER or assumes https; the host is ours.
		const host = new URL(baseURL).host;
		expect(atom.body).toMatch(new RegExp(`href="https?://${host}/api/alerts/${alert.id}\\.cap"`));
		expect(atom.body).toContain('type="application/cap+xml"');

		await cancel(alert.id);
		const cancelCap = await text(`/api/alerts/${alert.id}.cap`);
		expect(xmllintErrors(cancelCap.body, 'cap')).toBe('');
		expect(capRuleViolations(cancelCap.body)).toEqual([]);
		expect(elementTexts(cancelCap.body, 'msgType')).toEqual(['Cancel']);
		const original = ['sender', 'identifier', 'sent']
			.map((name) => elementTexts(cap.body, name)[0])
			.join(',');
		expect(elementTexts(cancelCap.body, 'references')).toEqual([original]);

		atom = await text('/api/alerts.atom');
		expect(xmllintErrors(atom.body, 'atom')).toBe('');
		expect(atom.body).not.toContain(alert.id);
	});

	it('a whole-city alert in drill mode is an Exercise with the closed city polygon', async () => {
		expect((await call(baseURL, 'POST', '/api/drill', { token: hq, body: { on: true } })).status).toBe(200);
		const alert = await issue({
			level: 5,
			hazard: 'earthquake',
			areas: ['all'],
			text: { ja: '訓練の合成アラート' }
		});
		issued.push(alert.id);
		expect(alert.drill).toBe(true);
		const cap = await text(`/api/alerts/${alert.id}.cap`);
		expect(xmllintErrors(cap.body, 'cap')).toBe('');
		expect(capRuleViolations(cap.body)).toEqual([]);
		expect(elementTexts(cap.body, 'status')).toEqual(['Exercise']);
		const polygon = elementTexts(cap.body, 'polygon')[0] ?? '';
		expect(polygon.split(' ').length).toBeGreaterThanOrEqual(4);
		expect(elementTexts(cap.body, 'severity')).toEqual(['Extreme']);
		await call(baseURL, 'POST', '/api/drill', { token: hq, body: { on: false } });
	});

	it('an unknown or malformed alert id is a 404 JSON error', async () => {
		const unknown = await call(baseURL, 'GET', '/api/alerts/00000000-0000-4000-8000-000000000000.cap');
		expect(unknown.status).toBe(404);
		expect(unknown.body).toMatchObject({ error: { code: 'not_found' } });
		expect((await call(baseURL, 'GET', '/api/alerts/not-a-uuid.cap')).status).toBe(404);
	});
});

describe('shelter CSV export and import', () => {
	const masterColumns = [...standardColumns, ...extraMasterColumns];
	const masterPart = (csv: string) => {
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const rows = Papa.parse<Record<string, string>>(csv.slice(1), {
			header: true,
			skipEmptyLines: true
		}).data;
		return rows.map((row) => masterColumns.map((column) => row[column] ?? ''));
	};

	it('export → import of the exported CSV round-trips to the same shelters', async () => {
		const exported = await text('/api/export/shelters.csv', hq);
		expect(exported.status).toBe(200);
		expect(exported.type).toContain('text/csv');
		const before = masterPart(exported.body);
		expect(before.length).toBeGreaterThan(10);
		const count = await shelterCount();
		expect(before).toHaveLength(count);

		const csvBody = { token: hq, body: exported.body, headers: { 'content-type': 'text/csv' } };
		const preview = await call<{ errors: unknown[]; valid: number; added: number; updated: number }>(
			baseURL,
			'POST',
			'/api/import/shelters',
			csvBody
		);
		expect(preview.status).toBe(200);
		expect(preview.body).toMatchObject({ errors: [], valid: count, added: 0, updated: count });
		const committed = await call(baseURL, 'POST', '/api/import/shelters?commit=1', csvBody);
		expect(committed.body).toMatchObject({ added: 0, updated: count });
		expect(committed.status).toBe(200);

		const again = await text('/api/export/shelters.csv', hq);
		expect(masterPart(again.body)).toEqual(before);
		expect(await shelterCount()).toBe(count);
	});

	it('a CSV with a bad row is rejected with that row number and writes nothing', async () => {
		const exported = await text('/api/export/shelters.csv', hq);
		const rows = Papa.parse<string[]>(exported.body.slice(1), { skipEmptyLines: true }).data;
		const header = rows[0]!;
		const id = header.indexOf('ID');
		const name = header.indexOf('名称');
		const lat = header.indexOf('緯度');
		const added = [...rows[1]!];
		added[id] = 'synthetic-import-new';
		added[name] = '合成テスト避難所（書き込まれないはず）';
		const renamed = [...rows[2]!];
		renamed[name] = '合成テスト改名（書き込まれないはず）';
		const bad = [...rows[3]!];
		bad[lat] = '北緯35度';
		const csv = '\uFEFF' + Papa.unparse([header, added, renamed, bad]);
		const count = await shelterCount();

		const body = { token: hq, body: csv, headers: { 'content-type': 'text/csv' } };
		const preview = await call<{ errors: { row: number; column: string }[] }>(
			baseURL,
			'POST',
			'/api/import/shelters',
			body
		);
		expect(preview.body.errors).toEqual([expect.objectContaining({ row: 4, column: '緯度' })]);
		const commit = await call<{ error: { code: string; message: string; rows: { row: number }[] } }>(
			baseURL,
			'POST',
			'/api/import/shelters?commit=1',
			body
		);
		expect(commit.status).toBe(400);
		expect(commit.body.error.code).toBe('invalid_rows');
		expect(commit.body.error.message).toContain('row 4');
		expect(commit.body.error.rows.map((r) => r.row)).toEqual([4]);

		expect(await shelterCount()).toBe(count);
		const after = await text('/api/export/shelters.csv', hq);
		expect(after.body).not.toContain('書き込まれないはず');
	});

	it('a shelter history is bounded: at most `limit` reports and a next_cursor for the rest (issue 18, L2)', async () => {
		const id = accounts.staffB.shelter_id;
		for (let i = 0; i < 3; i++) {
			await call(baseURL, 'POST', '/api/reports', { token: hq, body: reportFor(id, { evacuees: i }) });
		}
		type History = { reports: { id: number }[]; next_cursor: string | null };
		const whole = await call<History>(baseURL, 'GET', `/api/shelters/${id}?limit=5000`, { token: hq });
		expect(whole.body.next_cursor).toBeNull();
		const first = await call<History>(baseURL, 'GET', `/api/shelters/${id}?limit=2`, { token: hq });
		expect(first.body.reports).toHaveLength(2);
		const rest = await call<History>(
			baseURL,
			'GET',
			`/api/shelters/${id}?limit=5000&cursor=${encodeURIComponent(first.body.next_cursor!)}`,
			{ token: hq }
		);
		expect([...first.body.reports, ...rest.body.reports].map((r) => r.id)).toEqual(
			whole.body.reports.map((r) => r.id)
		);
		const bad = await call(baseURL, 'GET', `/api/shelters/${id}?limit=0`, { token: hq });
		expect(bad.status).toBe(400);
	});

	it('exports reports as CSV and shelters as GeoJSON', async () => {
		const sent = await call(baseURL, 'POST', '/api/reports', {
			token: staff,
			body: reportFor(accounts.staffA.shelter_id, { evacuees: 7 })
		});
		expect(sent.status).toBeLessThan(300);
		const reports = await text('/api/export/reports.csv', hq);
		expect(reports.body.startsWith('\uFEFF受信日時,')).toBe(true);
		expect(reports.body).toContain(accounts.staffA.shelter_id);
		const geo = await call<{ features: { properties: { id: string } }[] }>(
			baseURL,
			'GET',
			'/api/export/shelters.geojson',
			{ token: hq }
		);
		expect(geo.body.features.some((f) => f.properties.id === accounts.staffA.shelter_id)).toBe(true);
	});
});

describe('master data', () => {
	it('an HQ edit is audited and announces nothing; an ad-hoc shelter can be added', async () => {
		const id = accounts.staffB.shelter_id;
		const live = liveSubscriber(baseURL, ['hq', 'shelters', 'alerts'], { token: hq });
		await live.waitForState('live');
		const current = await call<{ shelter: { name: string } }>(baseURL, 'GET', `/api/shelters/${id}`, {
			token: hq
		});
		const patched = await call(baseURL, 'PATCH', `/api/shelters/${id}`, {
			token: hq,
			body: { name: `${current.body.shelter.name}（合成テスト）` }
		});
		expect(patched.status).toBe(200);
		const adHoc = `adhoc-synthetic-${Date.now()}`;
		const created = await call(baseURL, 'PUT', `/api/shelters/${adHoc}`, {
			token: hq,
			body: {
				name: '合成テスト臨時避難所',
				address: '',
				kind: 'shelter',
				lon: 139.58,
				lat: 35.63,
				capacity: null,
				hazards: [],
				welfare: false,
				accepted_people: null,
				notes: null,
				hidden: true
			}
		});
		expect(created.status).toBe(201);
		await new Promise((r) => setTimeout(r, 500));
		live.stop();
		expect(live.events).toEqual([]);
		const audit = await call<{ row_id: string; action: string; actor_name: string }[]>(
			baseURL,
			'GET',
			'/api/audit?table=shelters',
			{ token: hq }
		);
		expect(audit.body.slice(0, 2).map((e) => [e.row_id, e.action, e.actor_name])).toEqual([
			[adHoc, 'INSERT', accounts.hq.username],
			[id, 'UPDATE', accounts.hq.username]
		]);
		// Restore the name for other tests.
		await call(baseURL, 'PATCH', `/api/shelters/${id}`, {
			token: hq,
			body: { name: current.body.shelter.name }
		});
		// Hidden ad-hoc shelters never reach anonymous callers.
		const anon = await call<{ features: { properties: { id: string } }[] }>(baseURL, 'GET', '/api/shelters');
		expect(anon.body.features.some((f) => f.properties.id === adHoc)).toBe(false);
		// Only ad-hoc shelters can be deleted; this one goes again.
		const remove = (target: string, token: string) =>
			call(baseURL, 'DELETE', `/api/shelters/${target}`, { token, headers: json });
		expect((await remove(id, hq)).status).toBe(409);
		expect((await remove(adHoc, staff)).status).toBe(403);
		expect((await remove(adHoc, hq)).status).toBe(204);
		expect((await call(baseURL, 'GET', `/api/shelters/${adHoc}`, { token: hq })).status).toBe(404);
	});

	it('bad input is a 4xx JSON error and changes nothing', async () => {
		const id = accounts.staffB.shelter_id;
		for (const body of [{ capacity: 0 }, { lat: 'north' }, { ad_hoc: true }, {}]) {
			const result = await call(baseURL, 'PATCH', `/api/shelters/${id}`, { token: hq, body });
			expect(result.status, JSON.stringify(body)).toBe(400);
			expect(result.body).toMatchObject({ error: { code: expect.any(String) } });
		}
	});
});

describe('HQ endpoints refuse staff and anonymous callers', () => {
	const shelter = () => accounts.staffA.shelter_id;
	const mine: [string, string, unknown?, Record<string, string>?][] = [
		['GET', '/api/export/shelters.csv'],
		['GET', '/api/export/shelters.geojson'],
		['GET', '/api/export/reports.csv'],
		['POST', '/api/import/shelters', 'ID,名称,緯度\n', { 'content-type': 'text/csv' }],
		['POST', '/api/import/shelters?commit=1', 'ID,名称,緯度\n', { 'content-type': 'text/csv' }],
		['GET', '/api/audit'],
		['GET', '/api/shelters/SHELTER'],
		['PATCH', '/api/shelters/SHELTER', { name: 'x' }],
		['PUT', '/api/shelters/adhoc-refused', { name: 'x' }],
		['DELETE', '/api/shelters/adhoc-refused', undefined, json]
	];
	for (const [who, token] of [
		['staff', () => staff],
		['anonymous', () => undefined]
	] as const) {
		it(`${who}: 403 on every HQ endpoint of the dashboard`, async () => {
			for (const [method, path, body, headers] of mine) {
				const result = await call(baseURL, method, path.replace('SHELTER', shelter()), {
					token: token(),
					body,
					headers
				});
				expect(result.status, `${method} ${path}`).toBe(403);
				expect(result.body).toMatchObject({ error: { code: 'forbidden' } });
			}
		});
	}

	it('staff get 403 on the HQ actions of the shared API (alerts, drill, messages)', async () => {
		const alert = { level: 3, hazard: 'flood', areas: ['all'], text: { ja: '合成' } };
		for (const [method, path, body] of [
			['POST', '/api/alerts', alert],
			['POST', '/api/drill', { on: true }],
			['POST', '/api/messages', { shelter_id: null, body: '合成' }]
		] as const) {
			const result = await call(baseURL, method, path, { token: staff, body });
			expect(result.status, path).toBe(403);
		}
		const anon = await call(baseURL, 'POST', '/api/alerts', { body: alert });
		// The shared API answers an anonymous write 401 (sign in first); either way nothing happens.
		expect([401, 403]).toContain(anon.status);
	});
});
