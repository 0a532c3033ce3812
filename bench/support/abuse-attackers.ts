/**
 * Worker of bench/abuse.ts: the attack load, on a thread of its own so that generating it does not
 * delay the thread that measures the staff report latency. Loopback only, bounded by the parent
 * ('stop'). Each attacker sends an X-Forwarded-For address of its own from the benchmarking range
 * 198.18.0.0/15 (RFC 2544); the server under test runs with ADDRESS_HEADER=x-forwarded-for, so
 * this is a distributed attack, the hard case for per-address limits.
 *
 * In:  workerData { mode: 'signin', url, concurrency, addresses }
 *      or { mode: 'replay', url, concurrency, addresses, head } (head: a replay is done once a
 *      frame with an id ≥ head arrived, or the answer was not 200).
 * Out: after 'stop': { type: 'done', attempts, byStatus: { [status]: n }, errors, bytes }.
 */
import http from 'node:http';
import net from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';

const { mode, url, concurrency, addresses, head } = workerData as {
	mode: 'signin' | 'replay';
	url: string;
	concurrency: number;
	addresses: number;
	head?: number;
};
const target = new URL(url);
const byStatus: Record<string, number> = {};
let attempts = 0;
let errors = 0;
let bytes = 0;
let stopping = false;
const sockets = new Set<net.Socket>();

function addressOf(i: number): string {
	const n = i % addresses;
	return `198.18.${Math.floor(n / 250)}.${(n % 250) + 1}`;
}

const count = (status: number) => (byStatus[status] = (byStatus[status] ?? 0) + 1);

const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

/** One wrong sign-in: half against a real account name, half against names that do not exist. */
function signIn(i: number): Promise<void> {
	const body = JSON.stringify({
		username: i % 2 ? 'bench-staff' : `synthetic-attacker-${i}`,
		password: `wrong-${attempts}`
	});
	return new Promise((done) => {
		const req = http.request(
			target,
			{
				method: 'POST',
				agent,
				headers: {
					'content-type': 'application/json',
					'content-length': Buffer.byteLength(body),
					'x-forwarded-for': addressOf(i)
				}
			},
			(res) => {
				count(res.statusCode ?? 0);
				res.on('data', (chunk: Buffer) => (bytes += chunk.length));
				res.on('end', done);
				res.on('error', () => done());
			}
		);
		req.on('error', () => {
			errors++;
			done();
		});
		req.end(body);
	});
}

/** One deep replay on a raw socket: connect, read until caught up (or refused), close. */
function replay(i: number): Promise<void> {
	return new Promise((done) => {
		const socket = net.connect(Number(target.port), target.hostname);
		sockets.add(socket);
		let first = true;
		let carry = '';
		const finish = () => {
			sockets.delete(socket);
			socket.destroy();
			done();
		};
		socket.setTimeout(30_000, () => {
			errors++;
			finish();
		});
		socket.once('connect', () =>
			socket.write(
				`GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\n` +
					`Accept: text/event-stream\r\nX-Forwarded-For: ${addressOf(i)}\r\n\r\n`
			)
		);
		socket.on('data', (chunk: Buffer) => {
			bytes += chunk.length;
			const text = carry + chunk.toString('latin1');
			if (first) {
				first = false;
				const status = Number(text.slice(9, 12));
				count(status);
				if (status !== 200) return finish();
			}
			const lines = text.split('\n');
			carry = lines.pop() ?? '';
			for (const line of lines) {
				if (line.startsWith('id: ') && Number(line.slice(4)) >= (head ?? 0)) return finish();
			}
		});
		socket.on('error', () => {
			errors++;
			finish();
		});
		socket.on('close', finish);
	});
}

async function loop(i: number): Promise<void> {
	while (!stopping) {
		attempts++;
		await (mode === 'signin' ? signIn(i) : replay(i));
	}
}

const loops = Array.from({ length: concurrency }, (_, i) => loop(i));
parentPort!.on('message', async (message: 'stop') => {
	if (message !== 'stop') return;
	stopping = true;
	// Requests still running are cut (an overloaded server may take minutes): the phase is over.
	for (const socket of sockets) socket.destroy();
	agent.destroy();
	await Promise.all(loops);
	parentPort!.postMessage({ type: 'done', attempts, byStatus, errors, bytes });
});
