/**
 * `npm run bench:abuse`: does an attack on the public endpoints slow down a staff report?
 * Issue 18 (Hardening): 300 anonymous deep live replays pushed a staff `POST /api/reports` to
 * 38 s. Against the built server (`npm start`, tests/support/server.ts), all on loopback and in
 * one run, it measures the report latency of one signed-in staff terminal (p50/p95/p99 over
 * `--reports` sequential reports):
 *   idle  — nothing else runs (the baseline of this run, whatever the machine);
 *   (a)   — while `--signins` (400) concurrent wrong sign-ins run (POST /api/auth/token);
 *   (b)   — while `--replays` (300) anonymous deep replays run
 *           (`/api/live?topics=shelters,alerts&after=1` over ≈`--messages` (3,000) public messages),
 *           each reconnecting as soon as it caught up or was refused.
 * Target: p99 under each attack ≤ 3 × idle p99 and ≤ 500 ms. It also measures the server memory
 * an idle anonymous live stream holds (L3).
 * The attackers run on a worker thread (bench/support/abuse-attackers.ts), each with its own
 * X-Forwarded-For address (the server runs with ADDRESS_HEADER=x-forwarded-for): a distributed
 * attack, which per-address limits alone do not stop. Bounded: every phase ends after
 * `--reports` reports or `--seconds`, whichever comes first; (b) runs before (a) (see below).
 * Seen once on a loaded machine (6 test runs beside it): one report answered only after ~95 s
 * despite the hard per-request timer; not seen again in 4 runs on a quiet machine (max 110 ms), so
 * the cause (most likely the bench process itself descheduled) is not found. The run stays bounded.
 * Needs a build (`npm run build`; BOSAI_BUILD_OUT picks another one).
 *   node bench/abuse.ts [--reports 200] [--signins 400] [--replays 300] [--messages 3000]
 *     [--addresses 300] [--streams 300] [--seconds 60]
 */
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { openDatabase } from '../src/lib/server/db/index.ts';
import { buildDir, startServer } from '../tests/support/server.ts';
import { reportFigure } from './report.ts';
import { benchRequester } from './support/http-request.ts';
import { processCpuSeconds, processRssMib } from './support/server-proc.ts';

const { values } = parseArgs({
	options: {
		reports: { type: 'string', default: '200' },
		signins: { type: 'string', default: '400' },
		replays: { type: 'string', default: '300' },
		messages: { type: 'string', default: '3000' },
		addresses: { type: 'string', default: '300' },
		streams: { type: 'string', default: '300' },
		seconds: { type: 'string', default: '60' }
	}
});
const reports = Number(values.reports);
const signins = Number(values.signins);
const replays = Number(values.replays);
const messages = Number(values.messages);
const addresses = Number(values.addresses);
const idleStreams = Number(values.streams);
const phaseSeconds = Number(values.seconds);

function percentile(sorted: number[], p: number): number {
	if (!sorted.length) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

if (!existsSync(buildDir)) {
	console.error(`no build at ${buildDir}: run npm run build first`);
	process.exit(2);
}

console.log(
	`abuse: ${reports} staff reports per phase; (a) ${signins} wrong sign-ins, (b) ${replays} deep replays over ${messages} public messages; ${addresses} attacker addresses`
);

// Data dir: the schema, ≈`messages` synthetic public messages (status of real shelter ids, and
// alerts), then one synthetic staff account made with the real users CLI.
const dataDir = mkdtempSync(join(tmpdir(), 'bosai-bench-abuse-'));
const { shelterId, head } = await (async () => {
	const db = await openDatabase({ driver: 'pglite', dataDir, seed: true });
	try {
		return await db.asService(async (tx) => {
			const shelter = await tx.query<{ id: string }>('select id from public.shelters order by id limit 1');
			if (!shelter.rows.length) throw new Error('no shelters in the database (npm run data)');
			await tx.query(
				`select realtime.send(
					case when n % 4 = 0 then jsonb_build_object('synthetic', true, 'n', n)
					else jsonb_build_object('shelter_id', s.id, 'status', 'open', 'synthetic', true, 'n', n) end,
					case when n % 4 = 0 then 'alert' else 'status' end,
					case when n % 4 = 0 then 'alerts' else 'shelters' end, false)
				   from generate_series(1, $1::int) as n,
				        lateral (select id from public.shelters order by id offset n % 20 limit 1) as s`,
				[messages]
			);
			const max = await tx.query<{ id: number }>('select max(id)::int as id from realtime.messages');
			return { shelterId: shelter.rows[0].id, head: max.rows[0].id };
		});
	} finally {
		await db.close();
	}
})();
const password = randomBytes(18).toString('base64url');
const add = spawnSync(
	process.execPath,
	[resolve('scripts/users.ts'), 'add', 'bench-staff', '--role', 'staff', '--shelter', shelterId],
	{ env: { ...process.env, BOSAI_DATA_DIR: dataDir, BOSAI_PASSWORD: password }, encoding: 'utf8' }
);
if (add.status !== 0) throw new Error(`users add failed: ${add.stderr}`);
const server = await startServer({
	dataDir,
	// The bench measures one staff account's report latency over hundreds of reports: lift the
	// per-account rate (30/min in production), which is not what is measured here.
	env: { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1', BOSAI_REPORT_RATE: '100000/1000000' }
});
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
/** The staff terminal's own address (the attackers use 198.18.0.0/15). */
const staffAddress = '192.0.2.10';

const request = benchRequester(server.url, agent, { 'x-forwarded-for': staffAddress });

const login = await request('POST', '/api/auth/token', { username: 'bench-staff', password });
if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${login.text}`);
const token = (JSON.parse(login.text) as { access_token: string }).access_token;

interface Phase {
	name: string;
	/** Every report's wait, failed ones too (a lower bound when cut by the timeout). */
	latencies: number[];
	failed: number;
	seconds: number;
	/** Share of one core the server used during the phase. */
	serverCpu: number;
}

const serverCpuSeconds = () => processCpuSeconds(server.process.pid!);

/** Sequential staff reports (a terminal's outbox sends one at a time) until `reports` or time is up. */
async function measureReports(name: string): Promise<Phase> {
	const latencies: number[] = [];
	let failed = 0;
	const cpu = serverCpuSeconds();
	const started = performance.now();
	const end = started + phaseSeconds * 1000;
	while (latencies.length < reports && performance.now() < end) {
		const report = {
			client_id: randomUUID(),
			shelter_id: shelterId,
			status: 'open',
			evacuees: latencies.length % 300,
			crowding: 'vacant',
			needs: [],
			note: 'synthetic bench report',
			reported_at: new Date().toISOString()
		};
		const sent = performance.now();
		const r = await request('POST', '/api/reports', report, token).catch((error: Error) => ({
			status: 0,
			text: error.message
		}));
		latencies.push(performance.now() - sent);
		if (r.status !== 201 && ++failed <= 3) {
			console.error(`POST /api/reports failed: ${r.status} ${r.text.slice(0, 200)}`);
		}
	}
	const seconds = (performance.now() - started) / 1000;
	const serverCpu = (serverCpuSeconds() - cpu) / seconds;
	return { name, latencies: latencies.sort((a, b) => a - b), failed, seconds, serverCpu };
}

interface AttackTally {
	attempts: number;
	byStatus: Record<string, number>;
	errors: number;
	bytes: number;
}

function attackers(data: Record<string, unknown>): { stop: () => Promise<AttackTally> } {
	const worker = new Worker(new URL('./support/abuse-attackers.ts', import.meta.url), { workerData: data });
	return {
		stop: () =>
			new Promise((done, fail) => {
				worker.once('message', (tally: AttackTally) => void worker.terminate().then(() => done(tally)));
				worker.once('error', fail);
				worker.postMessage('stop');
			})
	};
}

const serverRssMib = () => processRssMib(server.process.pid!);

/** After an attack: wait until the server answers quickly again (its backlog is gone), bounded. */
async function settle(): Promise<void> {
	const deadline = performance.now() + phaseSeconds * 1000;
	while (performance.now() < deadline) {
		const sent = performance.now();
		await request('GET', '/api/alerts').catch(() => null);
		if (performance.now() - sent < 100) break;
	}
	await new Promise((r) => setTimeout(r, 1_000));
}

// Warm-up (JIT, caches), not measured.
await measureReports('warm-up');
const idle = await measureReports('idle');

/** L3: server memory held by `idleStreams` open anonymous streams (no replay), per stream. */
async function memoryPerStream(): Promise<{ perStreamKib: number; opened: number }> {
	const before = serverRssMib();
	const sockets: net.Socket[] = [];
	let opened = 0;
	await Promise.all(
		Array.from(
			{ length: idleStreams },
			(_, i) =>
				new Promise<void>((ready) => {
					const socket = net.connect(server.port, '127.0.0.1');
					sockets.push(socket);
					socket.once('connect', () =>
						socket.write(
							`GET /api/live?topics=shelters,alerts HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
								`X-Forwarded-For: 198.19.${Math.floor(i / 250)}.${(i % 250) + 1}\r\n\r\n`
						)
					);
					socket.once('data', (chunk: Buffer) => {
						if (chunk.subarray(0, 12).toString('latin1') === 'HTTP/1.1 200') opened++;
						ready();
					});
					socket.once('error', () => ready());
				})
		)
	);
	await settle();
	const after = serverRssMib();
	for (const socket of sockets) socket.destroy();
	return { perStreamKib: ((after - before) * 1024) / Math.max(1, opened), opened };
}
// Measured before any attack: afterwards the server's RSS shrinks as the attack's garbage is
// collected, which hid the streams' own cost (a negative figure).
const memory = await memoryPerStream();
await settle();

// (b) before (a): a sign-in flood leaves a backlog of password hashes in the server's thread
// pool that would still run during the next phase; `settle` waits for it, bounded.
const replayAttack = attackers({
	mode: 'replay',
	url: `${server.url}/api/live?topics=shelters,alerts&after=1`,
	concurrency: replays,
	addresses,
	head
});
await new Promise((r) => setTimeout(r, 1_000)); // the attack ramps up
const underReplays = await measureReports('(b) deep replays');
const replayTally = await replayAttack.stop();
await settle();

const signinAttack = attackers({
	mode: 'signin',
	url: `${server.url}/api/auth/token`,
	concurrency: signins,
	addresses
});
await new Promise((r) => setTimeout(r, 1_000)); // the attack ramps up
const underSignins = await measureReports('(a) wrong sign-ins');
const signinTally = await signinAttack.stop();
await settle();

if (server.process.exitCode !== null || server.process.signalCode !== null) {
	console.error(`the server died during the run:\n${server.output().slice(-2000)}`);
	process.exit(1);
}
agent.destroy();
// An overloaded server may still be working through the attack's backlog: bounded stop.
await Promise.race([
	server.stop(),
	new Promise((r) => setTimeout(r, 10_000)).then(() => server.stop('SIGKILL'))
]);
rmSync(dataDir, { recursive: true, force: true });

const fmt = (ms: number) => ms.toFixed(1);
const statuses = (tally: AttackTally) =>
	Object.entries(tally.byStatus)
		.map(([status, n]) => `${status}×${n}`)
		.join(' ');
for (const phase of [idle, underSignins, underReplays]) {
	const p = (n: number) => percentile(phase.latencies, n);
	console.log(
		`${phase.name}: ${phase.latencies.length} reports (${phase.failed} failed) in ${phase.seconds.toFixed(1)} s; ` +
			`POST /api/reports ms p50 ${fmt(p(50))}, p95 ${fmt(p(95))}, p99 ${fmt(p(99))}, max ${fmt(phase.latencies.at(-1) ?? NaN)}; ` +
			`server at ${(phase.serverCpu * 100).toFixed(0)}% of a core`
	);
}
console.log(
	`(a) sign-ins: ${signinTally.attempts} attempts (${(signinTally.attempts / underSignins.seconds).toFixed(0)}/s), ${statuses(signinTally)}, ${signinTally.errors} socket errors`
);
console.log(
	`(b) replays: ${replayTally.attempts} streams opened (${(replayTally.attempts / underReplays.seconds).toFixed(0)}/s), ${statuses(replayTally)}, ${replayTally.errors} errors, ${(replayTally.bytes / 1024 / 1024).toFixed(1)} MiB received`
);
console.log(
	`memory: ${memory.opened} idle anonymous streams hold ≈${memory.perStreamKib.toFixed(1)} KiB of server RSS each`
);

const idleP99 = percentile(idle.latencies, 99);
for (const phase of [underSignins, underReplays]) {
	const p99 = percentile(phase.latencies, 99);
	const ratio = p99 / idleP99;
	console.log(`${phase.name}: p99 ${fmt(p99)} ms = ${ratio.toFixed(2)} × idle p99`);
	reportFigure({
		name: `report p99 under ${phase.name}`,
		value: p99,
		unit: 'ms',
		target: '≤ 3× idle and ≤ 500',
		pass: phase.failed === 0 && phase.latencies.length >= reports && ratio <= 3 && p99 <= 500,
		note: `${ratio.toFixed(2)}× idle p99 ${fmt(idleP99)} ms`
	});
}
reportFigure({
	name: 'report p50 idle',
	value: percentile(idle.latencies, 50),
	unit: 'ms',
	target: '',
	pass: null
});
reportFigure({
	name: 'report p95 idle',
	value: percentile(idle.latencies, 95),
	unit: 'ms',
	target: '',
	pass: null
});
reportFigure({ name: 'report p99 idle', value: idleP99, unit: 'ms', target: '', pass: null });
for (const phase of [underSignins, underReplays]) {
	reportFigure({
		name: `report p50 under ${phase.name}`,
		value: percentile(phase.latencies, 50),
		unit: 'ms',
		target: '',
		pass: null
	});
	reportFigure({
		name: `report p95 under ${phase.name}`,
		value: percentile(phase.latencies, 95),
		unit: 'ms',
		target: '',
		pass: null
	});
}
reportFigure({
	name: 'server memory per idle live stream',
	value: memory.perStreamKib,
	unit: 'KiB',
	target: '',
	pass: null,
	note: `${memory.opened} streams`
});
process.exit(0);
