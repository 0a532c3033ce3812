/**
 * Several app servers on one PostgreSQL database behind a real load balancer (Debian's nginx with
 * deploy/nginx/bosai-map.conf, only its listen port and upstream addresses rewritten to this test's
 * loopback ports). Runs in the e2e-postgres project only (it needs that project's database).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { call, liveSubscriber, reportFor, signIn } from '../support/api.ts';
import { xmllintErrors } from '../support/xmllint.ts';
import {
	freePort,
	sharedServerEnv,
	startServer,
	tempDataDir,
	type RunningServer
} from '../support/server.ts';

const accounts = inject('accounts');
const databaseUrl = inject('databaseUrl');
const jwtSecret = inject('jwtSecret');
/** As docs/deployment.md says for app servers behind the load balancer. */
const serverEnv: Record<string, string> = {
	DATABASE_URL: databaseUrl ?? '',
	BOSAI_JWT_SECRET: jwtSecret,
	PROTOCOL_HEADER: 'x-forwarded-proto',
	ADDRESS_HEADER: 'x-forwarded-for',
	XFF_DEPTH: '1',
	...sharedServerEnv
};

let servers: RunningServer[] = [];
let nginx: ChildProcess | undefined;
let nginxDir = '';
let balancer = '';

/** deploy/nginx/bosai-map.conf inside a minimal nginx.conf, on loopback ports. */
function nginxConfig(dir: string, listenPort: number, upstreams: number[]): string {
	const site = readFileSync(resolve('deploy/nginx/bosai-map.conf'), 'utf8')
		.replace(/^\s*server 127\.0\.0\.1:\d+ .*;$/gm, '')
		.replace(
			'keepalive 32;',
			`${upstreams.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n')}\nkeepalive 32;`
		)
		.replace(/listen 80;/, `listen 127.0.0.1:${listenPort};`);
	return `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
	access_log off;
	client_body_temp_path ${dir}/body;
	proxy_temp_path ${dir}/proxy;
	fastcgi_temp_path ${dir}/fastcgi;
	uwsgi_temp_path ${dir}/uwsgi;
	scgi_temp_path ${dir}/scgi;
${site}
}
`;
}

async function waitForHttp(url: string, timeoutMs = 15_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
			if (response.status < 500) return;
		} catch {
			// not up yet
		}
		if (Date.now() > deadline) throw new Error(`${url} did not answer in ${timeoutMs} ms`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

beforeAll(async () => {
	if (!databaseUrl) throw new Error('postgres-nginx.test.ts runs in the e2e-postgres project only');
	const port = await freePort();
	balancer = `http://127.0.0.1:${port}`;
	serverEnv.BOSAI_PUBLIC_ORIGIN = balancer;
	servers = await Promise.all(
		[0, 1].map(() => startServer({ dataDir: tempDataDir('bosai-pg-app-'), env: serverEnv }))
	);
	nginxDir = mkdtempSync(join(tmpdir(), 'bosai-nginx-'));
	mkdirSync(join(nginxDir, 'body'));
	const conf = join(nginxDir, 'nginx.conf');
	writeFileSync(
		conf,
		nginxConfig(
			nginxDir,
			port,
			servers.map((s) => s.port)
		)
	);
	nginx = spawn('/usr/sbin/nginx', ['-c', conf, '-p', nginxDir], { stdio: ['ignore', 'ignore', 'pipe'] });
	await waitForHttp(`${balancer}/api/shelters`);
}, 120_000);

afterAll(async () => {
	nginx?.kill('SIGTERM');
	await Promise.all(servers.map((s) => s.stop()));
	if (nginxDir) rmSync(nginxDir, { recursive: true, force: true });
});

describe('two app servers on one PostgreSQL database behind nginx', () => {
	test('a token made on one server holds on the other', async () => {
		const [a, b] = servers;
		// Straight to A, as the proxy would send it (ADDRESS_HEADER is set on the servers).
		const signedIn = await call<{ access_token: string }>(a.url, 'POST', '/api/auth/token', {
			body: { username: accounts.hq.username, password: accounts.hq.password },
			headers: { 'x-forwarded-for': '127.0.0.1' }
		});
		expect(signedIn.status).toBe(200);
		const token = signedIn.body.access_token;
		const onB = await call(b.url, 'GET', '/api/reports?limit=1', { token });
		expect(onB.status).toBe(200);
	});

	test('a sign-in limit tripped on one server holds on the other (kept in the database)', async () => {
		const [a, b] = servers;
		const from = { 'x-forwarded-for': '198.51.100.77' };
		for (let i = 0; i < 5; i++) {
			const guess = await call(a.url, 'POST', '/api/auth/token', {
				body: { username: accounts.staffB.username, password: `synthetic wrong ${i}` },
				headers: from
			});
			expect(guess.status).toBe(401);
		}
		const onB = await call(b.url, 'POST', '/api/auth/token', {
			body: { username: accounts.staffB.username, password: accounts.staffB.password },
			headers: from
		});
		expect(onB.status).toBe(429);
		expect(Number(onB.headers.get('retry-after'))).toBeGreaterThan(0);
		// Another address is not locked out by it (issue 18, M2).
		const elsewhere = await call(b.url, 'POST', '/api/auth/token', {
			body: { username: accounts.staffB.username, password: accounts.staffB.password },
			headers: { 'x-forwarded-for': '198.51.100.78' }
		});
		expect(elsewhere.status).toBe(200);
	});

	test('an account disabled on one server: its stream on the other ends within 5 s; a code made on one enrolls on the other', async () => {
		const [a, b] = servers;
		const hq = await tokenVia(a.url, accounts.hq);
		const made = await call<{ id: string; password: string }>(a.url, 'POST', '/api/accounts', {
			token: hq,
			body: { username: 'synthetic-pg-disable', role: 'staff', shelter_id: accounts.staffA.shelter_id }
		});
		expect(made.status).toBe(201);
		const token = await tokenVia(b.url, { username: 'synthetic-pg-disable', password: made.body.password });
		const stream = await fetch(`${b.url}/api/live?topics=shelter:${accounts.staffA.shelter_id}`, {
			headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': '127.0.0.1' }
		});
		expect(stream.status).toBe(200);
		const reader = stream.body!.getReader();
		const ended = (async () => {
			while (!(await reader.read().catch(() => ({ done: true }))).done);
			return performance.now();
		})();
		const at = performance.now();
		expect(
			(await call(a.url, 'PATCH', `/api/accounts/${made.body.id}`, { token: hq, body: { disabled: true } }))
				.status
		).toBe(200);
		expect((await call(b.url, 'GET', '/api/reports?limit=1', { token })).status).toBe(401);
		const took =
			(await Promise.race([ended, new Promise<number>((r) => setTimeout(() => r(Infinity), 8_000))])) - at;
		await reader.cancel().catch(() => {});
		expect(took).toBeLessThan(5_000);

		const code = await call<{ code: string }>(a.url, 'POST', '/api/accounts/enrollment-codes', {
			token: hq,
			body: { shelter_id: accounts.staffA.shelter_id }
		});
		const device = await call<{ shelter_id: string }>(b.url, 'POST', '/api/enroll', {
			body: { code: code.body.code },
			headers: { 'x-forwarded-for': '198.51.100.79' }
		});
		expect(device.status).toBe(201);
		expect(device.body.shelter_id).toBe(accounts.staffA.shelter_id);
		const again = await call(a.url, 'POST', '/api/enroll', {
			body: { code: code.body.code },
			headers: { 'x-forwarded-for': '198.51.100.79' }
		});
		expect(again.status).toBe(410);
	});

	test("behind the TLS-less proxy with the documented variables, the Atom feed's links point at the proxy, fetch, and their CAP validates", async () => {
		const hq = (await signIn(balancer, accounts.hq)).access_token;
		const issued = await call<{ id: string }>(balancer, 'POST', '/api/alerts', {
			token: hq,
			body: { level: 3, hazard: 'flood', areas: ['all'], text: { ja: '合成テスト：ロードバランサーの後ろ' } }
		});
		expect(issued.status).toBe(201);
		try {
			const feed = await (await fetch(`${balancer}/api/alerts.atom`)).text();
			expect(xmllintErrors(feed, 'atom')).toBe('');
			const caps = [...feed.matchAll(/<link\b[^>]*>/g)]
				.map((m) => m[0])
				.filter((tag) => tag.includes('type="application/cap+xml"'))
				.map((tag) => /href="([^"]+)"/.exec(tag)?.[1] ?? '');
			expect(caps).toContain(`${balancer}/api/alerts/${issued.body.id}.cap`);
			for (const link of caps) {
				const cap = await fetch(link);
				expect(cap.status, link).toBe(200);
				expect(xmllintErrors(await cap.text(), 'cap'), link).toBe('');
			}
		} finally {
			await call(balancer, 'POST', `/api/alerts/${issued.body.id}/cancel`, { token: hq, body: {} });
		}
	});

	test('every subscriber on either server receives every public event exactly once, also across a SIGKILL and restart of one server', async () => {
		const [a, b] = servers;
		const clients = [
			...Array.from({ length: 6 }, () => liveSubscriber(balancer, ['shelters'])),
			...Array.from({ length: 3 }, () => liveSubscriber(a.url, ['shelters'])),
			...Array.from({ length: 3 }, () => liveSubscriber(b.url, ['shelters']))
		];
		try {
			await Promise.all(clients.map((c) => c.waitForState('live')));
			const before = (await announcedSince(0)).at(-1) ?? '0';
			const staff = (await signIn(balancer, accounts.staffA)).access_token;
			const send = async (n: number) => {
				for (let i = 0; i < n; i++) {
					const answer = await call(balancer, 'POST', '/api/reports', {
						token: staff,
						body: reportFor(accounts.staffA.shelter_id, { evacuees: i, status: i % 2 ? 'open' : 'preparing' })
					});
					expect(answer.status).toBe(201);
				}
			};
			await send(20);
			// Server B dies without warning; its subscribers (direct and through nginx) reconnect.
			const bPort = b.port;
			await b.stop('SIGKILL');
			await send(20);
			servers[1] = await startServer({ dataDir: b.dataDir, port: bPort, env: serverEnv });
			await send(20);

			// The status events the database announced during this run, in order: 60 reports, 60 events.
			const expected = await announcedSince(before);
			expect(expected).toHaveLength(60);
			await waitForAll(clients, expected.length);
			// The subscribers of B really lost their stream and came back (else this proves nothing).
			for (const client of clients.slice(9)) expect(client.states).toContain('reconnecting');
			for (const client of clients) {
				const ids = client.events
					.filter((e) => e.topic === 'shelters' && e.event === 'status')
					.map((e) => e.id);
				expect(ids).toEqual(expected);
			}
		} finally {
			for (const client of clients) client.stop();
		}
	}, 120_000);
});

/** Signs in straight at one app server, with the client address the proxy would forward. */
async function tokenVia(url: string, account: { username: string; password: string }): Promise<string> {
	const answer = await call<{ access_token: string }>(url, 'POST', '/api/auth/token', {
		body: { username: account.username, password: account.password },
		headers: { 'x-forwarded-for': '127.0.0.1' }
	});
	expect(answer.status).toBe(200);
	return answer.body.access_token;
}

/** Ids of the public status messages in realtime.messages after `afterId`, read straight from PostgreSQL. */
async function announcedSince(afterId: string | number): Promise<string[]> {
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	try {
		const result = await client.query<{ id: string }>(
			`select id::text from realtime.messages where topic = 'shelters' and event = 'status' and id > $1 order by realtime.messages.id`,
			[Number(afterId)]
		);
		return result.rows.map((row) => row.id);
	} finally {
		await client.end();
	}
}

/** Waits until every client has `count` status events. */
async function waitForAll(clients: ReturnType<typeof liveSubscriber>[], count: number) {
	const deadline = Date.now() + 30_000;
	const statusIds = (c: ReturnType<typeof liveSubscriber>) =>
		c.events.filter((e) => e.topic === 'shelters' && e.event === 'status').map((e) => e.id);
	while (clients.some((c) => statusIds(c).length < count)) {
		if (Date.now() > deadline) {
			throw new Error(
				`not every client got ${count} events: ${clients.map((c) => statusIds(c).length).join(',')}`
			);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
}
