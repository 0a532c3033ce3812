/**
 * Findings of the outside security test (issue 18, "Hardening"), each against the real production
 * server (`npm start`) on loopback over plain HTTP:
 * M5 slow bodies and the single database queue, L1 the public origin, L6 body limits and Kit's
 * own errors in our JSON shape, L7 security headers on static files, L8 caching of answers that
 * depend on the caller. The shared e2e server runs with BOSAI_PUBLIC_ORIGIN; a second server of
 * this file runs without it and with a short body timeout.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Alert } from '#lib/domain/alert.ts';
import { call, createTestAccounts, reportFor, signIn, signInAll, type TestAccounts } from '../support/api.ts';
import { buildDir, startServer, tempDataDir, type RunningServer } from '../support/server.ts';
import { xmllintErrors } from '../support/xmllint.ts';

const baseURL = inject('baseURL');
const accounts = inject('accounts');
const json = { 'content-type': 'application/json' };

interface RawAnswer {
	status: number;
	headers: IncomingHttpHeaders;
	body: string;
}

/**
 * One request with node:http, which (unlike fetch) may send any Host header and a chunked body
 * without Content-Length.
 */
function raw(
	url: string,
	options: {
		method?: string;
		path: string;
		headers?: Record<string, string>;
		body?: Buffer;
		chunked?: boolean;
	}
): Promise<RawAnswer> {
	const { hostname, port } = new URL(url);
	const headers: Record<string, string | number> = { ...options.headers };
	if (options.body && !options.chunked) headers['content-length'] = options.body.length;
	return new Promise((done, fail) => {
		const req = httpRequest(
			{ host: hostname, port, method: options.method ?? 'GET', path: options.path, headers },
			(res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => (body += chunk));
				res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
			}
		);
		req.on('error', fail);
		const body = options.body ?? Buffer.alloc(0);
		for (let at = 0; at < body.length; at += 64 * 1024) req.write(body.subarray(at, at + 64 * 1024));
		req.end();
	});
}

function errorOf(answer: RawAnswer): { code?: string; message?: string } | undefined {
	expect(answer.headers['content-type']).toContain('application/json');
	return (JSON.parse(answer.body) as { error?: { code?: string; message?: string } }).error;
}

async function issueAlert(url: string, token: string, text: string): Promise<Alert> {
	const result = await call<Alert>(url, 'POST', '/api/alerts', {
		token,
		body: { level: 3, hazard: 'flood', areas: ['all'], text: { ja: text } }
	});
	expect(result.status).toBe(201);
	return result.body;
}

const hrefs = (xml: string, type: string) =>
	[
		...xml.matchAll(new RegExp(`<link rel="[a-z]+" type="${type.replace('+', '\\+')}" href="([^"]+)"`, 'g'))
	].map((match) => match[1]!.replaceAll('&amp;', '&'));

describe('a server without BOSAI_PUBLIC_ORIGIN, with proxy headers and a 3 s body timeout', () => {
	let server: RunningServer;
	let own: TestAccounts;
	let hq = '';
	const timeoutMs = 3_000;

	beforeAll(async () => {
		const dataDir = tempDataDir('bosai-hardening-');
		own = createTestAccounts(dataDir);
		server = await startServer({
			dataDir,
			env: {
				BOSAI_PUBLIC_ORIGIN: '',
				BOSAI_BODY_TIMEOUT_MS: String(timeoutMs),
				// As behind a reverse proxy that sets these (docs/deployment.md).
				PROTOCOL_HEADER: 'x-forwarded-proto',
				HOST_HEADER: 'x-forwarded-host'
			}
		});
		hq = (await signIn(server.url, own.hq)).access_token;
	}, 120_000);
	afterAll(async () => {
		await server?.stop();
	});

	it('M5: a PATCH whose body stops halfway delays no other caller and gets a 408 JSON error after the timeout', async () => {
		const shelterId = own.staffA.shelter_id;
		const before = await call<{ shelter: { notes: string | null } }>(
			server.url,
			'GET',
			`/api/shelters/${shelterId}`,
			{
				token: hq
			}
		);
		expect(before.status).toBe(200);
		const staffToken = (await signIn(server.url, own.staffA)).access_token;
		const body = JSON.stringify({ notes: 'synthetic slow upload: must not be written' });
		const socket = connect(server.port, '127.0.0.1');
		let answer = '';
		socket.setEncoding('utf8');
		socket.on('data', (chunk: string) => (answer += chunk));
		const closed = new Promise<number>((done) => socket.on('close', () => done(Date.now())));
		const sentAt = Date.now();
		socket.write(
			`PATCH /api/shelters/${shelterId} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n` +
				`Authorization: Bearer ${hq}\r\nContent-Type: application/json\r\n` +
				`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, body.length / 2)}`
		);
		// Let the server take the PATCH into its handler (today: into a transaction).
		await new Promise((r) => setTimeout(r, 300));

		// Other callers: a read and a write, each of which needs the database.
		const started = Date.now();
		const [shelters, report] = await Promise.all([
			fetch(`${server.url}/api/shelters`, { signal: AbortSignal.timeout(2_500) }),
			fetch(`${server.url}/api/reports`, {
				method: 'POST',
				headers: { ...json, authorization: `Bearer ${staffToken}` },
				body: JSON.stringify(reportFor(shelterId)),
				signal: AbortSignal.timeout(2_500)
			})
		]);
		const waited = Date.now() - started;
		expect(shelters.status).toBe(200);
		expect(report.status).toBe(201);
		expect(waited).toBeLessThan(2_000);
		expect(answer).toBe('');

		const closedAt = await closed;
		expect(closedAt - sentAt).toBeGreaterThanOrEqual(timeoutMs - 100);
		expect(answer).toMatch(/^HTTP\/1\.1 408 /);
		expect(answer).toMatch(/content-type: application\/json/i);
		const error = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { error: { code: string } };
		expect(error.error.code).toBe('request_timeout');
		const after = await call<{ shelter: { notes: string | null } }>(
			server.url,
			'GET',
			`/api/shelters/${shelterId}`,
			{
				token: hq
			}
		);
		expect(after.body.shelter.notes).toBe(before.body.shelter.notes);
	});

	it('L1: without the variable, npm start warns, and Atom and CAP answers are private and vary by Host', async () => {
		expect(server.output()).toContain('BOSAI_PUBLIC_ORIGIN is not set');
		const alert = await issueAlert(server.url, hq, '合成テスト: 公開オリジン未設定');
		try {
			for (const path of ['/api/alerts.atom', `/api/alerts/${alert.id}.cap`]) {
				const answer = await fetch(server.url + path);
				expect(answer.status).toBe(200);
				const cache = answer.headers.get('cache-control') ?? '';
				expect(cache, path).toContain('private');
				expect(cache, path).not.toContain('public');
				expect(answer.headers.get('vary') ?? '', path).toContain('Host');
			}
		} finally {
			await call(server.url, 'POST', `/api/alerts/${alert.id}/cancel`, { token: hq, body: {} });
		}
	});

	it("L1: without the variable, adapter-node's PROTOCOL_HEADER and HOST_HEADER still give the links their origin", async () => {
		const alert = await issueAlert(server.url, hq, '合成テスト: プロキシ');
		try {
			const host = `127.0.0.1:${server.port}`;
			const feed = await raw(server.url, {
				path: '/api/alerts.atom',
				headers: { 'x-forwarded-proto': 'http', 'x-forwarded-host': host }
			});
			const link = `http://${host}/api/alerts/${alert.id}.cap`;
			expect(hrefs(feed.body, 'application/cap+xml')).toContain(link);
			const cap = await fetch(link);
			expect(cap.status).toBe(200);
			expect(xmllintErrors(await cap.text(), 'cap')).toBe('');
			// Told https by the proxy, the same server sends HSTS and https links.
			const secure = await raw(server.url, {
				path: '/api/alerts.atom',
				headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'bosai.example.jp' }
			});
			expect(hrefs(secure.body, 'application/cap+xml')).toContain(
				`https://bosai.example.jp/api/alerts/${alert.id}.cap`
			);
			expect(secure.headers['strict-transport-security']).toContain('max-age=');
		} finally {
			await call(server.url, 'POST', `/api/alerts/${alert.id}/cancel`, { token: hq, body: {} });
		}
	});
});

describe('L1: the public origin (BOSAI_PUBLIC_ORIGIN) decides every absolute URL', () => {
	let hq = '';
	let alert: Alert;
	beforeAll(async () => {
		hq = (await signIn(baseURL, accounts.hq)).access_token;
		alert = await issueAlert(baseURL, hq, '合成テスト: 公開オリジン');
	});
	afterAll(async () => {
		await call(baseURL, 'POST', `/api/alerts/${alert.id}/cancel`, { token: hq, body: {} });
	});

	it("over plain HTTP on 127.0.0.1 the Atom feed's links fetch and their CAP validates against the CAP 1.2 schema", async () => {
		const atom = await fetch(`${baseURL}/api/alerts.atom`);
		expect(atom.headers.get('cache-control')).toBe('public, max-age=10');
		// An http origin: no HSTS, although adapter-node takes every request for https.
		expect(atom.headers.get('strict-transport-security')).toBeNull();
		const feed = await atom.text();
		expect(xmllintErrors(feed, 'atom')).toBe('');
		expect(hrefs(feed, 'application/atom+xml')).toEqual([`${baseURL}/api/alerts.atom`]);
		const caps = hrefs(feed, 'application/cap+xml');
		expect(caps).toContain(`${baseURL}/api/alerts/${alert.id}.cap`);
		for (const link of caps) {
			const cap = await fetch(link);
			expect(cap.status, link).toBe(200);
			const xml = await cap.text();
			expect(xmllintErrors(xml, 'cap'), link).toBe('');
			expect(xml).toContain(`<sender>hq@${new URL(baseURL).host}</sender>`);
			expect(xml).toContain(`<web>${baseURL}/</web>`);
		}
	});

	it('a spoofed Host (or forwarded host and protocol) changes nothing in the Atom or CAP answer', async () => {
		for (const path of ['/api/alerts.atom', `/api/alerts/${alert.id}.cap`]) {
			const honest = await raw(baseURL, { path });
			const spoofed = await raw(baseURL, {
				path,
				headers: {
					host: 'evil.example',
					'x-forwarded-host': 'evil.example',
					'x-forwarded-proto': 'https'
				}
			});
			expect(honest.status, path).toBe(200);
			expect(spoofed.status, path).toBe(200);
			expect(spoofed.body, path).toBe(honest.body);
			expect(spoofed.body, path).not.toContain('evil.example');
			for (const name of ['cache-control', 'vary', 'strict-transport-security', 'content-type']) {
				expect(spoofed.headers[name], `${path} ${name}`).toEqual(honest.headers[name]);
			}
		}
	});

	it('npm start refuses a BOSAI_PUBLIC_ORIGIN that is not a bare http(s) origin', () => {
		for (const bad of ['https://bosai.example.jp/map', 'ftp://bosai.example.jp', 'bosai.example.jp']) {
			const run = spawnSync(process.execPath, [resolve('scripts/start.ts'), buildDir], {
				env: { ...process.env, BOSAI_PUBLIC_ORIGIN: bad, PORT: '1' },
				encoding: 'utf8',
				timeout: 20_000
			});
			expect(run.status, bad).toBe(1);
			expect(run.stderr, bad).toContain('BOSAI_PUBLIC_ORIGIN');
		}
	});
});

describe('L6: body limits and Kit-level errors on /api/** answer { error: { code, message } }', () => {
	let tokens: { hq: string; staffA: string };
	beforeAll(async () => {
		tokens = await signInAll(baseURL, accounts);
	});

	/**
	 * A valid shelter CSV of at least `bytes`: the real header, synthetic shelters copied from a real
	 * row, each with a long 備考 (the import takes at most 5,000 rows).
	 */
	async function syntheticCsv(bytes: number): Promise<{ csv: string; rows: number }> {
		const exported = await fetch(`${baseURL}/api/export/shelters.csv`, {
			headers: { authorization: `Bearer ${tokens.hq}` }
		});
		const text = new TextDecoder().decode(await exported.arrayBuffer());
		const [header, template] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
		const id = header!.indexOf('ID');
		const name = header!.indexOf('名称');
		const notes = header!.indexOf('備考');
		expect(notes).toBeGreaterThanOrEqual(0);
		const lines = [Papa.unparse([header!])];
		let size = lines[0]!.length;
		let rows = 0;
		while (size < bytes) {
			const row = [...template!];
			row[id] = `synthetic-bulk-${String(++rows).padStart(6, '0')}`;
			row[name] = `合成テスト避難所 ${rows}`;
			row[notes] = '合成テストの備考。'.repeat(100);
			const line = Papa.unparse([row]);
			lines.push(line);
			size += Buffer.byteLength(line) + 2;
		}
		return { csv: '\uFEFF' + lines.join('\r\n') + '\r\n', rows };
	}

	it('a 4 MB valid CSV import (preview) succeeds; a 6 MB one is a 413 JSON error', async () => {
		const { csv, rows } = await syntheticCsv(4 * 1024 * 1024);
		const body = Buffer.from(csv);
		expect(body.length).toBeGreaterThan(4 * 1024 * 1024);
		const headers = { authorization: `Bearer ${tokens.hq}`, 'content-type': 'text/csv' };
		const preview = await raw(baseURL, { method: 'POST', path: '/api/import/shelters', headers, body });
		expect(preview.status, preview.body.slice(0, 300)).toBe(200);
		expect(JSON.parse(preview.body)).toMatchObject({ valid: rows, added: rows, errors: [] });

		const large = Buffer.concat([body, Buffer.alloc(2 * 1024 * 1024, 'x')]);
		for (const chunked of [false, true]) {
			const refused = await raw(baseURL, {
				method: 'POST',
				path: '/api/import/shelters',
				headers,
				body: large,
				chunked
			});
			expect(refused.status, `chunked ${chunked}`).toBe(413);
			expect(errorOf(refused)).toMatchObject({ code: 'payload_too_large', message: expect.any(String) });
		}
	});

	it('a 1 MB body on a small route is a 413 JSON error, with or without Content-Length', async () => {
		const mega = Buffer.alloc(1024 * 1024, ' ');
		const routes: [string, string, string][] = [
			['POST', '/api/drill', tokens.hq],
			['POST', '/api/reports', tokens.staffA],
			['POST', '/api/auth/token', ''],
			['POST', '/api/alerts/00000000-0000-4000-8000-000000000000/cancel', tokens.hq]
		];
		for (const [method, path, token] of routes) {
			for (const chunked of [false, true]) {
				const headers: Record<string, string> = { ...json };
				if (token) headers.authorization = `Bearer ${token}`;
				const answer = await raw(baseURL, { method, path, headers, body: mega, chunked });
				expect(answer.status, `${path} chunked ${chunked}`).toBe(413);
				expect(errorOf(answer)?.code, path).toBe('payload_too_large');
			}
		}
	});

	it("Kit's own answers (unknown API path, wrong method) come in our JSON shape", async () => {
		const unknown = await raw(baseURL, { path: '/api/no-such-endpoint', headers: { accept: 'text/html' } });
		expect(unknown.status).toBe(404);
		expect(errorOf(unknown)).toMatchObject({ code: 'not_found', message: expect.any(String) });
		const wrongMethod = await raw(baseURL, {
			method: 'PUT',
			path: '/api/drill',
			headers: json,
			body: Buffer.from('{}')
		});
		expect(wrongMethod.status).toBe(405);
		expect(wrongMethod.headers.allow).toContain('POST');
		expect(errorOf(wrongMethod)).toMatchObject({ code: 'method_not_allowed' });
	});

	it('a cross-site form post is refused with 403 in our JSON shape on /api, in text elsewhere', async () => {
		const form = { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' };
		const body = Buffer.from('username=a&password=b');
		const api = await raw(baseURL, { method: 'POST', path: '/api/auth/token', headers: form, body });
		expect(api.status).toBe(403);
		expect(errorOf(api)).toMatchObject({
			code: 'cross_site_forbidden',
			message: expect.stringContaining('Cross-site')
		});
		const page = await raw(baseURL, { method: 'POST', path: '/', headers: form, body });
		expect(page.status).toBe(403);
		expect(page.body).toBe('Cross-site POST form submissions are forbidden');
		// A same-origin JSON call still works.
		const signIn = await raw(baseURL, {
			method: 'POST',
			path: '/api/auth/token',
			headers: { ...json, origin: baseURL },
			body: Buffer.from(JSON.stringify({ username: accounts.hq.username, password: accounts.hq.password }))
		});
		expect(signIn.status).toBe(200);
	});
});

describe('L7: static files carry the security headers', () => {
	const expected = {
		'x-content-type-options': 'nosniff',
		'x-frame-options': 'DENY',
		'referrer-policy': 'strict-origin-when-cross-origin',
		'cross-origin-opener-policy': 'same-origin'
	};
	const immutable = readdirSync(join(buildDir, 'client/_app/immutable/entry')).find((f) => f.endsWith('.js'));

	it.each([
		['the web manifest', '/manifest.webmanifest'],
		['the service worker', '/service-worker.js'],
		['prerendered JSON', '/shelters/towns.json'],
		['an icon', '/icons/icon.svg'],
		['an immutable chunk', `/_app/immutable/entry/${immutable}`]
	])('%s (%s)', async (_kind, path) => {
		const answer = await fetch(baseURL + path);
		expect(answer.status, path).toBe(200);
		for (const [name, value] of Object.entries(expected)) expect(answer.headers.get(name), name).toBe(value);
		expect(answer.headers.get('permissions-policy')).toContain('geolocation=(self)');
		if (path.startsWith('/_app/immutable/')) {
			expect(answer.headers.get('cache-control')).toBe('public,max-age=31536000,immutable');
		}
	});
});

describe('L8: answers that depend on the caller', () => {
	let tokens: { hq: string; staffA: string };
	beforeAll(async () => {
		tokens = await signInAll(baseURL, accounts);
	});

	it('are never stored when signed in (private, no-store), for staff and HQ', async () => {
		const paths: [string, string[]][] = [
			['staffA', ['/api/shelters', '/api/alerts', '/api/messages', '/api/reports']],
			[
				'hq',
				[
					'/api/shelters',
					'/api/alerts',
					'/api/messages',
					'/api/reports',
					'/api/audit',
					'/api/export/shelters.geojson',
					`/api/shelters/${accounts.staffA.shelter_id}`
				]
			]
		];
		for (const [who, list] of paths) {
			const token = tokens[who as 'hq' | 'staffA'];
			for (const path of list) {
				const answer = await fetch(baseURL + path, { headers: { authorization: `Bearer ${token}` } });
				expect(answer.status, `${who} ${path}`).toBe(200);
				const cache = answer.headers.get('cache-control') ?? '';
				expect(cache, `${who} ${path}`).toContain('no-store');
				expect(cache, `${who} ${path}`).not.toContain('public');
			}
		}
		const first = await fetch(`${baseURL}/api/shelters`, {
			headers: { authorization: `Bearer ${tokens.hq}` }
		});
		const notModified = await fetch(`${baseURL}/api/shelters`, {
			headers: { authorization: `Bearer ${tokens.hq}`, 'if-none-match': first.headers.get('etag') ?? '' }
		});
		expect(notModified.status).toBe(304);
		expect(notModified.headers.get('cache-control')).toBe('private, no-store');
	});

	it('anonymous answers that a signed-in caller would get differently vary by Authorization', async () => {
		for (const path of ['/api/shelters', '/api/alerts']) {
			const answer = await fetch(baseURL + path);
			expect(answer.headers.get('cache-control') ?? '', path).toContain('public');
			expect(answer.headers.get('vary') ?? '', path).toContain('Authorization');
		}
	});
});
