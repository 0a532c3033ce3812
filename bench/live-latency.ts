/**
 * `npm run bench:live`: report → live-event latency of the embedded server under load.
 * N terminals (HQ-signed, one shelter each, round robin) post reports at a fixed interval while
 * M anonymous SSE subscribers listen on `shelters`, for a fixed time, all on loopback. Latency is
 * measured per delivered event: arrival at the subscriber − the moment its POST was sent.
 * Baseline in the same run: the bare durable insert latency of the database (PGlite on disk, or
 * the PostgreSQL server with fsync on; no HTTP, no triggers), so the figure can be read as
 * "× one insert" on whatever machine runs it.
 * Needs a build (`npm run build`; BOSAI_BUILD_OUT picks another one).
 *   node bench/live-latency.ts [--terminals 50] [--subscribers 2000] [--seconds 20] [--warmup 2] [--interval 1000]
 *     [--drain 1000] [--entry start|adapter] [--db pglite|postgres] [--servers 1]
 * --db postgres starts a PostgreSQL server (Debian's, fsync on) and runs the app servers in
 * PostgreSQL mode; --servers N (PostgreSQL only) starts N app servers on it: terminals post and
 * subscribers listen round-robin across them, so most events cross from one server to another.
 * Targets (issue 17): at ≤ 200 subscribers (design load) p50 ≤ 5 ms and p99 ≤ 20 ms; above,
 * p99 ≤ 50 ms.
 * It also checks every subscriber's own event count against the acknowledged reports (no dropped
 * events) and prints the server's RSS when the subscribers are connected and at the end.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase } from '../src/lib/server/db/index.ts';
import { SseParser } from '../src/lib/backend/sse-parser.ts';
import pg from 'pg';
import { startPostgres } from '../tests/support/postgres.ts';
import { buildDir, startServer, type RunningServer } from '../tests/support/server.ts';
import { reportFigure } from './report.ts';
import { benchRequester } from './support/http-request.ts';
import { processCpuSeconds, processRssMib } from './support/server-proc.ts';

const { values } = parseArgs({
	options: {
		terminals: { type: 'string', default: '50' },
		subscribers: { type: 'string', default: '2000' },
		seconds: { type: 'string', default: '20' },
		// Reports of the first seconds warm the server up (JIT, caches): delivered and counted,
		// but kept out of the latency figures, which describe the steady state.
		warmup: { type: 'string', default: '2' },
		interval: { type: 'string', default: '1000' },
		baseline: { type: 'string', default: '300' },
		drain: { type: 'string', default: '1000' },
		// start: `npm start` (direct-to-socket SSE); adapter: plain `node build` (Kit's stream).
		entry: { type: 'string', default: 'start' },
		db: { type: 'string', default: 'pglite' },
		servers: { type: 'string', default: '1' }
	}
});
const terminals = Number(values.terminals);
const subscribers = Number(values.subscribers);
const seconds = Number(values.seconds);
const warmupSeconds = Number(values.warmup);
const intervalMs = Number(values.interval);
const baselineInserts = Number(values.baseline);
const drainMs = Number(values.drain);
const entry = values.entry === 'adapter' ? 'adapter' : 'start';
const dbKind = values.db === 'postgres' ? 'postgres' : 'pglite';
const serverCount = Number(values.servers);
if (dbKind === 'pglite' && serverCount !== 1)
	throw new Error('--servers > 1 needs --db postgres (PGlite is one process)');
const mode = `${dbKind}${serverCount > 1 ? `, ${serverCount} servers` : ''}`;
const designLoad = subscribers <= 200;

function percentile(sorted: number[], p: number): number {
	if (!sorted.length) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function baseline(): Promise<number[]> {
	if (cluster) return postgresBaseline(await cluster.createDatabase('bench_baseline'));
	const dir = mkdtempSync(join(tmpdir(), 'bosai-bench-pglite-'));
	const db = await PGlite.create({ dataDir: join(dir, 'db'), relaxedDurability: false });
	await db.exec('create table t (id bigint generated always as identity primary key, v jsonb)');
	const times: number[] = [];
	for (let i = 0; i < baselineInserts; i++) {
		const start = performance.now();
		await db.query('insert into t (v) values ($1)', [JSON.stringify({ i, note: 'synthetic' })]);
		times.push(performance.now() - start);
	}
	await db.close();
	rmSync(dir, { recursive: true, force: true });
	return times.sort((a, b) => a - b);
}

async function postgresBaseline(url: string): Promise<number[]> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	await client.query('create table t (id bigint generated always as identity primary key, v jsonb)');
	const times: number[] = [];
	for (let i = 0; i < baselineInserts; i++) {
		const start = performance.now();
		await client.query('insert into t (v) values ($1)', [JSON.stringify({ i, note: 'synthetic' })]);
		times.push(performance.now() - start);
	}
	await client.end();
	return times.sort((a, b) => a - b);
}

const cluster = dbKind === 'postgres' ? await startPostgres({ durable: true }) : null;

if (!existsSync(buildDir)) {
	console.error(`no build at ${buildDir}: run npm run build first`);
	process.exit(2);
}

console.log(
	`live-latency (${mode}): ${terminals} terminals every ${intervalMs} ms, ${subscribers} SSE subscribers, ${seconds} s`
);
const base = await baseline();
console.log(
	`baseline: bare ${dbKind === 'postgres' ? 'PostgreSQL (fsync on)' : 'PGlite'} durable insert p50 ${percentile(base, 50).toFixed(2)} ms, p99 ${percentile(base, 99).toFixed(2)} ms`
);

// Server(s) with their own data dir and one synthetic HQ account made with the real users CLI.
const dataDir = mkdtempSync(join(tmpdir(), 'bosai-bench-live-'));
const databaseEnv: Record<string, string> = cluster
	? {
			DATABASE_URL: await cluster.createDatabase('bench_live'),
			BOSAI_JWT_SECRET: randomBytes(48).toString('base64url')
		}
	: {};
const password = randomBytes(18).toString('base64url');
function addHqAccount() {
	const add = spawnSync(process.execPath, [resolve('scripts/users.ts'), 'add', 'bench-hq', '--role', 'hq'], {
		env: { ...process.env, BOSAI_DATA_DIR: dataDir, BOSAI_PASSWORD: password, ...databaseEnv },
		encoding: 'utf8'
	});
	if (add.status !== 0) throw new Error(`users add failed: ${add.stderr}`);
}
// Every subscriber comes from loopback, one address: lift the per-address and total stream caps
// (admission.ts) above the subscriber count, or all but the first 64 would be refused.
const streamCap = String(subscribers + 100);
const serverEnv = {
	...databaseEnv,
	BOSAI_LIVE_MAX_STREAMS: streamCap,
	BOSAI_LIVE_MAX_STREAMS_PER_ADDRESS: streamCap
};
// PGlite: the CLI first (one process at a time); PostgreSQL: after the first server migrated.
if (!cluster) addHqAccount();
const servers: RunningServer[] = [];
for (let i = 0; i < serverCount; i++) {
	servers.push(
		await startServer({
			dataDir: i === 0 ? dataDir : mkdtempSync(join(tmpdir(), 'bosai-bench-live-')),
			entry,
			env: serverEnv
		})
	);
}
if (cluster) addHqAccount();
const server = servers[0];
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const requesters = new Map(servers.map((s) => [s, benchRequester(s.url, agent)]));
const request = (
	method: string,
	path: string,
	body?: unknown,
	token?: string,
	target: RunningServer = server
) => requesters.get(target)!(method, path, body, token);

const login = await request('POST', '/api/auth/token', { username: 'bench-hq', password });
const token = (JSON.parse(login.text) as { access_token: string }).access_token;
const shelters = (
	JSON.parse((await request('GET', '/api/shelters')).text) as {
		features: { properties: { id: string } }[];
	}
).features.map((f) => f.properties.id);
if (!shelters.length) throw new Error('no shelters in the database (npm run data)');

// key shelter|updated_at → send time; events may arrive before their POST is answered.
const sentAt = new Map<string, number>();
const early = new Map<string, number[]>();
const latencies: number[] = [];
const warmupLatencies: number[] = [];
let measuring = false;
let measureFrom = Infinity;

function record(sent: number, arrived: number) {
	(sent >= measureFrom ? latencies : warmupLatencies).push(arrived - sent);
}

function onStatus(key: string, now: number) {
	const sent = sentAt.get(key);
	if (sent !== undefined) record(sent, now);
	else {
		const list = early.get(key) ?? [];
		list.push(now);
		early.set(key, list);
	}
}

let dropped = 0;
/** Status events each probe received: each must see every report (the worker counts the rest). */
const probeCounts: number[] = [];
const sockets: http.ClientRequest[] = [];
/**
 * Every subscriber is a real SSE connection the server must feed. One in `probeEvery`, spread
 * evenly over the server's fan-out order, lives on this thread, parses every event and measures
 * latency; the others live on a worker thread (bench/support/live-counters.ts) on raw sockets and only
 * count status events, so load generation neither delays the measuring thread nor takes more of
 * the shared 2 cores than it must.
 */
const probeEvery = Math.max(1, Math.floor(subscribers / 100));
function subscribeProbe(): Promise<void> {
	const index = probeCounts.push(0) - 1;
	return new Promise((ready, fail) => {
		const target = servers[index % servers.length];
		const req = http.get(`${target.url}/api/live?topics=shelters`, { agent: false }, (res) => {
			if (res.statusCode !== 200) return fail(new Error(`live ${res.statusCode}`));
			ready();
			res.on('error', () => {
				if (measuring) dropped++;
			});
			res.setEncoding('utf8');
			const parser = new SseParser();
			res.on('data', (chunk: string) => {
				const now = performance.now();
				for (const event of parser.push(chunk)) {
					if (event.event !== 'status') continue;
					probeCounts[index]++;
					const { payload } = JSON.parse(event.data) as {
						payload: { shelter_id: string; updated_at: string };
					};
					onStatus(`${payload.shelter_id}|${payload.updated_at}`, now);
				}
			});
		});
		req.on('error', fail);
		sockets.push(req);
	});
}

type CounterReply =
	| { type: 'opened' }
	| { type: 'counts'; counts: number[]; broken: number }
	| { type: 'error'; message: string };
const counters = new Worker(new URL('./support/live-counters.ts', import.meta.url), {
	workerData: { urls: servers.map((s) => `${s.url}/api/live?topics=shelters`) }
});
function ask(message: { open: number } | 'stop'): Promise<CounterReply> {
	return new Promise((done, fail) => {
		counters.once('message', (reply: CounterReply) =>
			reply.type === 'error' ? fail(new Error(reply.message)) : done(reply)
		);
		counters.postMessage(message);
	});
}
// Interleaved: one probe, then probeEvery − 1 counted streams, and again.
for (let open = 0; open < subscribers; open += probeEvery) {
	const bulk = Math.min(probeEvery, subscribers - open) - 1;
	await Promise.all([subscribeProbe(), bulk > 0 ? ask({ open: bulk }) : null]);
}
console.log(`${subscribers} subscribers connected (${probeCounts.length} measure latency)`);

/** CPU seconds (user + system) of the app server processes, summed. */
const serverCpuSeconds = () => servers.reduce((sum, s) => sum + processCpuSeconds(s.process.pid!), 0);

/** Resident set size of the app server processes in MiB, summed (printed as MB, as before). */
const serverRssMb = () => servers.reduce((sum, s) => sum + processRssMib(s.process.pid!), 0);
const rssStart = serverRssMb();
/** Server RSS every 10 s of the run: does memory level off? */
const rssSeries: number[] = [];
const rssTimer = setInterval(() => rssSeries.push(serverRssMb()), 10_000);

let posted = 0;
let failed = 0;
let resets = 0;
const postLatencies: number[] = [];
measuring = true;
const loopStart = performance.eventLoopUtilization();
const cpuStart = serverCpuSeconds();
const started = performance.now();
measureFrom = started + warmupSeconds * 1000;
const end = measureFrom + seconds * 1000;
await Promise.all(
	Array.from({ length: terminals }, async (_, t) => {
		const shelter = shelters[t % shelters.length];
		const target = servers[t % servers.length];
		// Spread the terminals over the interval instead of firing in lockstep.
		await new Promise((r) => setTimeout(r, (intervalMs * t) / terminals));
		while (performance.now() < end) {
			const tick = performance.now();
			const sent = performance.now();
			const report = {
				client_id: randomUUID(),
				shelter_id: shelter,
				status: 'open',
				evacuees: posted % 500,
				crowding: 'vacant',
				needs: [],
				note: 'synthetic bench report',
				reported_at: new Date().toISOString()
			};
			// A kept-alive socket the server closed at the same moment resets: send the same
			// client_id once more, as a terminal's outbox would (idempotent).
			const post = () => request('POST', '/api/reports', report, token, target);
			const r = await post()
				.catch(() => {
					resets++;
					return post();
				})
				.catch((error: Error) => ({ status: 0, text: error.message }));
			if (sent >= measureFrom) postLatencies.push(performance.now() - sent);
			if (r.status === 201) {
				posted++;
				const ack = JSON.parse(r.text) as { received_at: string };
				const key = `${shelter}|${ack.received_at}`;
				sentAt.set(key, sent);
				for (const at of early.get(key) ?? []) record(sent, at);
				early.delete(key);
			} else {
				failed++;
				if (failed <= 3) console.error(`POST failed: ${r.status} ${r.text.slice(0, 200)}`);
			}
			const wait = intervalMs - (performance.now() - tick);
			if (wait > 0) await new Promise((r) => setTimeout(r, wait));
		}
	})
);
await new Promise((r) => setTimeout(r, drainMs)); // let the last events arrive
measuring = false;
const rssEnd = serverRssMb();
clearInterval(rssTimer);
const serverCpu = serverCpuSeconds() - cpuStart;
const loopBusy = performance.eventLoopUtilization(loopStart).utilization;

const elapsed = (performance.now() - started) / 1000;

for (const s of servers) {
	if (s.process.exitCode !== null || s.process.signalCode !== null) {
		console.error(`a server died during the run:\n${s.output().slice(-2000)}`);
		process.exit(1);
	}
}
const bulk = (await ask('stop')) as { counts: number[]; broken: number };
dropped += bulk.broken;
const perSubscriber = [...probeCounts, ...bulk.counts];
const delivered = perSubscriber.reduce((sum, n) => sum + n, 0);
for (const socket of sockets) socket.destroy();
agent.destroy();
await Promise.all(servers.map((s) => s.stop()));
// Ground truth: the status events the database announced during the run. A report older than the
// shelter's shown status announces nothing (by design), so this can be below the report count.
const announced = await (async () => {
	const db = await openDatabase(
		cluster
			? { driver: 'postgres', connectionString: databaseEnv.DATABASE_URL, migrate: false }
			: { driver: 'pglite', dataDir, migrate: false }
	);
	try {
		const rows = await db.asService((tx) =>
			tx.query<{ n: number }>(
				"select count(*)::int as n from realtime.messages where topic = 'shelters' and event = 'status'"
			)
		);
		return rows.rows[0].n;
	} finally {
		await db.close();
	}
})();
const short = perSubscriber.filter((n) => n !== announced).length;
rmSync(dataDir, { recursive: true, force: true });
await cluster?.stop();

latencies.sort((a, b) => a - b);
postLatencies.sort((a, b) => a - b);
const p = (n: number) => percentile(latencies, n);
const baseP50 = percentile(base, 50);
console.log(
	`reports: ${posted} acknowledged (${failed} failed) in ${elapsed.toFixed(1)} s = ${(posted / elapsed).toFixed(1)}/s`
);
console.log(
	`events delivered: ${delivered} (${(delivered / elapsed).toFixed(0)}/s), measured ${latencies.length}`
);
warmupLatencies.sort((a, b) => a - b);
console.log(
	`warm-up (first ${warmupSeconds} s, not in the figures below): report→event p99 ${percentile(warmupLatencies, 99).toFixed(1)}, max ${warmupLatencies.at(-1)?.toFixed(1)} ms`
);
console.log(
	`report→event latency ms (last ${seconds} s): p50 ${p(50).toFixed(1)}, p95 ${p(95).toFixed(1)}, p99 ${p(99).toFixed(1)}, max ${latencies.at(-1)?.toFixed(1)}`
);
console.log(
	`POST /api/reports latency ms: p50 ${percentile(postLatencies, 50).toFixed(1)}, p99 ${percentile(postLatencies, 99).toFixed(1)}`
);
console.log(
	`measuring thread busy ${(loopBusy * 100).toFixed(0)}% of the run (its own delay is part of every figure)`
);
if (dropped) console.log(`${dropped} subscriber streams broke during the run`);
console.log(
	`per subscriber: min ${Math.min(...perSubscriber)}, max ${Math.max(...perSubscriber)} events; the database announced ${announced} (of ${posted} reports); ${short} subscribers differ; ${resets} socket resets retried`
);
console.log(
	`server RSS: ${rssStart.toFixed(0)} MB with subscribers connected, ${rssEnd.toFixed(0)} MB at the end`
);
console.log(`server RSS every 10 s (MB): ${rssSeries.map((mb) => mb.toFixed(0)).join(' ')}`);
console.log(
	`server CPU: ${serverCpu.toFixed(1)} s in ${elapsed.toFixed(1)} s (${((100 * serverCpu) / elapsed).toFixed(0)}% of one core), ${((serverCpu * 1e6) / delivered).toFixed(2)} µs per delivered event`
);
console.log(`ratio: report→event p50 = ${(p(50) / baseP50).toFixed(1)} × bare insert p50`);

// Figures carry the mode and load, so `bench/live-modes.ts` can print several runs in one table.
const tag = `${mode}, ${terminals} terminals, ${subscribers} subscribers`;
const figure = (
	name: string,
	value: number,
	unit: string,
	target = '',
	pass: boolean | null = null,
	note = tag
) => reportFigure({ name, value, unit, target, pass, note });
figure('report throughput', posted / elapsed, 'reports/s');
figure('events delivered', delivered / elapsed, 'events/s');
figure(
	'subscribers that missed events',
	short + dropped,
	'subscribers',
	'= 0',
	short + dropped === 0 && failed === 0,
	`${tag}; ${failed} failed POSTs`
);
figure(
	'server CPU per delivered event',
	(serverCpu * 1e6) / delivered,
	'µs',
	'',
	null,
	`${tag}; ${entry === 'start' ? 'npm start' : 'node build'}`
);
figure('server RSS start', rssStart, 'MB');
figure('server RSS end', rssEnd, 'MB');
if (designLoad) figure('report→event p50', p(50), 'ms', '≤ 5', p(50) <= 5);
else figure('report→event p50', p(50), 'ms');
figure('report→event p95', p(95), 'ms');
if (designLoad) figure('report→event p99', p(99), 'ms', '≤ 20', p(99) <= 20);
else figure('report→event p99', p(99), 'ms', '≤ 50', p(99) <= 50);
figure(`bare ${dbKind} insert p50 (baseline)`, baseP50, 'ms');
figure('report→event p50 / insert p50', p(50) / baseP50, '×');
process.exit(0);
