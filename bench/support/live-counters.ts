/**
 * Worker of bench/live-latency.ts: holds the bulk of the SSE subscribers, each a real TCP
 * connection the server must feed, and counts the `status` events each one receives. Raw
 * sockets and a byte search instead of an HTTP client and an SSE parser, and a thread of its
 * own: the load generator must not delay the thread that measures latency, and should leave the
 * server as much of the shared 2 cores as it can.
 *
 * In:  workerData { urls } (streams alternate over them: one per app server); messages
 *      { open: n } (n more streams) and 'stop' (report, close).
 * Out: { type: 'opened' } once the n new streams answered 200; { type: 'counts', counts, broken }
 *      after 'stop'; { type: 'error', message }. Counting starts with the connection: the
 *      benchmark connects everyone before the first report.
 */
import net from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';

const { urls } = workerData as { urls: string[] };
const targets = urls.map((url) => new URL(url));
const marker = Buffer.from('event: status\n');
const counts: number[] = [];
const sockets: net.Socket[] = [];
let broken = 0;
let stopping = false;

function open(): Promise<void> {
	const index = counts.push(0) - 1;
	const target = targets[index % targets.length];
	return new Promise((ready, fail) => {
		const socket = net.connect(Number(target.port), target.hostname);
		sockets.push(socket);
		let head = true;
		/** The last bytes of the previous read: a marker may be split across two reads. */
		let carry: Buffer = Buffer.alloc(0);
		socket.once('connect', () => {
			socket.write(
				`GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\nAccept: text/event-stream\r\n\r\n`
			);
		});
		socket.on('data', (chunk: Buffer) => {
			if (head) {
				head = false;
				const status = chunk.subarray(0, 12).toString('latin1');
				if (status !== 'HTTP/1.1 200') return fail(new Error(`live answered ${status}`));
				ready();
			}
			const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
			for (let at = bytes.indexOf(marker); at !== -1; at = bytes.indexOf(marker, at + marker.length)) {
				counts[index]++;
			}
			carry = bytes.subarray(Math.max(0, bytes.length - marker.length + 1));
		});
		socket.on('error', (error) => {
			if (head) fail(error);
		});
		socket.on('close', () => {
			if (!stopping) broken++;
		});
	});
}

parentPort!.on('message', (message: { open: number } | 'stop') => {
	if (message === 'stop') {
		stopping = true;
		parentPort!.postMessage({ type: 'counts', counts, broken });
		for (const socket of sockets) socket.destroy();
		parentPort!.close();
		return;
	}
	Promise.all(Array.from({ length: message.open }, open)).then(
		() => parentPort!.postMessage({ type: 'opened' }),
		(error: Error) => parentPort!.postMessage({ type: 'error', message: error.message })
	);
});
