/**
 * Issue 16 over HTTP against the production build, and the staff form in Chromium: split counts
 * refused by the API with a JSON 4xx and nothing stored; the EEI export validated with ajv against
 * the project's JSON Schema, 未開設 until a report opens a shelter, then 開設 with 開設日時; the open
 * feed with public keys only, CORS *, ETag + 304, the licence, and no hidden shelter; the staff form
 * shows the reason for a refused split; 「満員にする」 confirms, then goes through the outbox.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { EeiShelterExport } from '#lib/eei/eei-shelters.ts';
import { openStatusKeys, type OpenStatusFeed } from '#lib/open/shelter-status.ts';
import { call, reportFor, signIn } from '../support/api.ts';
import { phoneViewport, useBrowser } from '../support/browser.ts';
import { axeViolations, queueCount, reportsAsHq, signInStaff, waitSynced } from './staff-support.ts';

const baseURL = inject('baseURL');
const accounts = inject('accounts');
const harness = useBrowser();
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(
	JSON.parse(readFileSync('src/lib/eei/eei-shelters.schema.json', 'utf8')) as object
);

let hq = '';
let staff = '';
/** A hidden synthetic 臨時避難所 with an id of the 共通ID structure (facility 99990: no real one). */
const synthetic = `E13219${String(90000 + Math.floor(Math.random() * 9999)).padStart(5, '0')}111`;

beforeAll(async () => {
	hq = (await signIn(baseURL, accounts.hq)).access_token;
	staff = (await signIn(baseURL, accounts.staffA)).access_token;
	const created = await call(baseURL, 'PUT', `/api/shelters/${synthetic}`, {
		token: hq,
		body: {
			name: '合成テスト避難所（EEI）',
			address: '',
			kind: 'shelter',
			lon: 139.58,
			lat: 35.63,
			capacity: null,
			capacity_indoor: 40,
			capacity_outdoor: 200,
			hazards: [],
			welfare: false,
			accepted_people: null,
			notes: null,
			hidden: true
		}
	});
	expect(created.status).toBe(201);
});

describe('split counts over the API', () => {
	it.each([
		['a sum that does not match', { evacuees: 10, evacuees_male: 4, evacuees_female: 5 }],
		['a negative', { evacuees: 10, evacuees_male: -1, evacuees_female: 11 }],
		['a non-integer', { evacuees: 10, evacuees_male: 4.5, evacuees_female: 5.5 }],
		['男 without 総数', { evacuees: null, evacuees_male: 3 }]
	])('refuses %s with a JSON 400 and stores nothing', async (_name, fields) => {
		const marker = `synthetic-split-${randomBytes(4).toString('hex')}`;
		const result = await call<{ error: { code: string; message: string } }>(baseURL, 'POST', '/api/reports', {
			token: staff,
			body: { ...reportFor(accounts.staffA.shelter_id, { note: marker }), ...fields }
		});
		expect(result.status).toBe(400);
		expect(result.body.error.code).toBeTruthy();
		expect(result.body.error.message).toBeTruthy();
		expect(await reportsAsHq(baseURL, accounts.hq, marker)).toEqual([]);
	});
});

describe('EEI export', () => {
	async function eei() {
		const result = await call<EeiShelterExport>(baseURL, 'GET', '/api/export/eei-shelters.json', {
			token: hq
		});
		expect(result.status).toBe(200);
		expect(validate(result.body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
		return result.body.shelters.find((row) => row.施設ID === synthetic)!;
	}

	it('shows 未開設 until a report opens the shelter, then 開設 with 開設日時; CSV too; HQ only', async () => {
		expect(await eei()).toMatchObject({
			'全国共通避難所・避難場所ID': synthetic,
			開設状況: '未開設',
			開設日時: null,
			想定収容人数: 40
		});
		const opened = await call(baseURL, 'POST', '/api/reports', {
			token: hq,
			body: reportFor(synthetic, {
				status: 'open',
				evacuees: 10,
				evacuees_male: 4,
				evacuees_female: 6,
				crowding: 'vacant',
				note: 'synthetic EEI'
			})
		});
		expect(opened.status).toBe(201);
		const row = await eei();
		expect(row).toMatchObject({
			開設状況: '開設',
			避難者数_総数: 10,
			避難者数_男: 4,
			避難者数_女: 6,
			定員状況: '空きあり'
		});
		expect(row.開設日時).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
		const csv = await fetch(`${baseURL}/api/export/eei-shelters.csv`, {
			headers: { authorization: `Bearer ${hq}` }
		});
		expect(csv.headers.get('content-type')).toContain('text/csv');
		const text = await csv.text();
		expect(text.split('\r\n')[0]).toContain('全国共通避難所・避難場所ID');
		expect(text.split('\r\n').find((line) => line.includes(synthetic))).toContain('開設');
		for (const path of ['/api/export/eei-shelters.json', '/api/export/eei-shelters.csv']) {
			expect((await call(baseURL, 'GET', path, { token: staff })).status).toBe(403);
			expect((await call(baseURL, 'GET', path)).status).toBe(403);
		}
	});
});

describe('open data', () => {
	it('the live feed: public keys only, no hidden shelter, CORS *, licence, ETag → 304', async () => {
		const response = await fetch(`${baseURL}/api/open/shelter-status.json`, {
			headers: { origin: 'https://example.org' }
		});
		expect(response.status).toBe(200);
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(response.headers.get('link')).toContain('creativecommons.org/licenses/by/4.0');
		const feed = (await response.json()) as OpenStatusFeed;
		expect(Object.keys(feed).sort()).toEqual([
			'generated_at',
			'licence',
			'licence_url',
			'shelters',
			'source'
		]);
		expect(feed.licence).toBe('CC BY 4.0');
		expect(feed.source).toContain('狛江市');
		expect(feed.shelters.length).toBeGreaterThan(10);
		for (const row of feed.shelters) expect(Object.keys(row).sort()).toEqual([...openStatusKeys].sort());
		expect(feed.shelters.map((row) => row.id)).not.toContain(synthetic);
		expect(feed.shelters.map((row) => row.id)).toContain(accounts.staffA.shelter_id);
		const etag = response.headers.get('etag')!;
		expect(etag).toMatch(/^"/);
		const again = await fetch(`${baseURL}/api/open/shelter-status.json`, {
			headers: { 'if-none-match': etag }
		});
		expect(again.status).toBe(304);
		expect(again.headers.get('access-control-allow-origin')).toBe('*');
		const preflight = await fetch(`${baseURL}/api/open/shelter-status.json`, {
			method: 'OPTIONS',
			headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' }
		});
		expect(preflight.status).toBe(204);
		expect(preflight.headers.get('access-control-allow-headers')).toMatch(/if-none-match/i);
	});

	it('the CSV feed and the daily history: public columns, no hidden shelter, 304, bad date → 400', async () => {
		const csv = await fetch(`${baseURL}/api/open/shelter-status.csv`);
		expect(csv.status).toBe(200);
		expect(csv.headers.get('access-control-allow-origin')).toBe('*');
		expect(decodeURIComponent(csv.headers.get('x-data-source')!)).toContain('狛江市');
		const text = await csv.text();
		// (Response.text() drops the BOM the CSV starts with.)
		expect(text.split('\r\n')[0]).toBe('施設ID,共通ID,名称,開設状況,定員状況,更新日時,訓練');
		expect(text).not.toContain(synthetic);
		const again = await fetch(`${baseURL}/api/open/shelter-status.csv`, {
			headers: { 'if-none-match': csv.headers.get('etag')! }
		});
		expect(again.status).toBe(304);
		// Today's history holds at least this report (and none of the hidden shelter's).
		const today = await call(baseURL, 'POST', '/api/reports', {
			token: staff,
			body: reportFor(accounts.staffA.shelter_id, { note: 'synthetic open-data history' })
		});
		expect(today.status).toBe(201);
		const history = await fetch(`${baseURL}/api/open/shelter-status-history.csv`);
		expect(history.status).toBe(200);
		const lines = (await history.text()).split('\r\n').filter(Boolean);
		expect(lines[0]).toBe('受信日時,施設ID,共通ID,名称,開設状況,混雑度,訓練');
		expect(lines.some((line) => line.includes(accounts.staffA.shelter_id))).toBe(true);
		expect(lines.some((line) => line.includes(synthetic))).toBe(false);
		const bad = await call<{ error: { code: string } }>(
			baseURL,
			'GET',
			'/api/open/shelter-status-history.csv?date=2026-13-01'
		);
		expect(bad.status).toBe(400);
		expect(bad.body.error.code).toBe('invalid_date');
	});
});

describe('staff form in Chromium', () => {
	it('shows the reason for a refused split and queues nothing; 満員にする asks first, then sends', async () => {
		const { page } = await harness.newPage({ viewport: phoneViewport });
		const marker = `synthetic-numbers-${randomBytes(4).toString('hex')}`;
		await signInStaff(page, baseURL, accounts.staffA);
		await page.check('input[name="status"][value="open"]');
		await page.fill('#evacuees-0', '10');
		await page.check('input[name="crowding"][value="vacant"]');
		await page.fill('#number-evacuees_male', '4');
		await page.fill('#number-evacuees_female', '5');
		await page.fill('#note', marker);
		await page.click('form.report-form button[type="submit"]');
		await page.waitForSelector('#number-evacuees_male-error');
		const reason = '男・女・答えたくないの合計が避難者数と合いません。';
		expect(await page.textContent('#number-evacuees_male-error')).toContain(reason);
		expect(await page.textContent('form.report-form')).toContain(reason);
		expect(await page.getAttribute('#number-evacuees_male', 'aria-invalid')).toBe('true');
		expect(await queueCount(page)).toBe(0);
		expect(await axeViolations(page)).toEqual([]);

		await page.fill('#number-evacuees_female', '6');
		await page.click('form.report-form button[type="submit"]');
		await waitSynced(page, 1);

		await page.click('#full-button');
		await page.waitForSelector('#full-confirm');
		expect(await axeViolations(page)).toEqual([]);
		await page.click('.full button:has-text("満員として送る")');
		await waitSynced(page, 2);
		const rows = await reportsAsHq(baseURL, accounts.hq, marker);
		expect(rows.map((row) => row.crowding)).toEqual(['vacant', 'full']);
		expect(rows[1]).toMatchObject({ status: 'open', evacuees: 10 });
	});
});
