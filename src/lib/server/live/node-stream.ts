/**
 * The fast transport of GET /api/live under `npm start`: the stream is written straight to the
 * client's socket, each hub batch framed once as an HTTP/1.1 chunk and the same bytes written to
 * every subscriber. The portable path (a ReadableStream through Kit and adapter-node's copy loop,
 * then `res.write`) spends several promises and a corked `writev` per subscriber per batch; at
 * 2,000 subscribers that CPU is what decides report→event latency on a 2-core server
 * (`npm run bench:sse-transport`: p99 187 ms with the server at 92% of a core, against 76 ms at 71%).
 *
 * scripts/start.ts emits `httpServerEvent` with adapter-node's HTTP server; hooks.server.ts then
 * calls `routeLiveToSockets`, which sends GET /api/live here and everything else to Kit. Both
 * paths share the checks (subscribe.ts), the session (session.ts) and the headers.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { runtime, type Runtime } from '../api/runtime.ts';
import { bearerClaims, tokenRefusal } from '../auth/bearer.ts';
import { ApiError, apiErrorResponse, errorResponse } from '../http.ts';
import { applySecurityHeaders } from '../security-headers.ts';
import type { Batch } from './hub.ts';
import { clientAddress } from './client-address.ts';
import { startLiveSession, type LiveSink } from './session.ts';
import { authorizeTopics, parseResume, parseTopics } from './subscribe.ts';
import { httpChunk, liveResponseHeaders } from './sse.ts';

export { httpServerEvent } from './server-event.ts';

export const livePath = '/api/live';

/** A client with this much unsent data is hopelessly behind: it is cut and resumes with Last-Event-ID. */
export const maxBufferedBytes = 256 * 1024;

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * GET /api/live goes to `serveLive`; every other request to the listeners already there (Kit).
 * Not with adapter-node's IDLE_TIMEOUT (systemd socket activation): that timer counts requests in
 * adapter-node's own listener, so streams routed past it would not count and the server could
 * stop under open streams. Live streams then take Kit's portable path.
 */
export function routeLiveToSockets(
	server: Server,
	rt: () => Promise<Runtime> = runtime,
	env: NodeJS.ProcessEnv = process.env
): boolean {
	if (Number(env.IDLE_TIMEOUT ?? 0) > 0) return false;
	const downstream = server.listeners('request') as RequestListener[];
	server.removeAllListeners('request');
	server.on('request', (req: IncomingMessage, res: ServerResponse) => {
		if (req.method === 'GET' && pathOf(req.url) === livePath) {
			// serveLive answers every error itself; this is the last guard against a crash.
			serveLive(req, res, rt).catch((error: unknown) => {
				console.error('live:', error instanceof Error ? error.message : error);
				res.destroy();
			});
			return;
		}
		for (const listener of downstream) listener.call(server, req, res);
	});
	return true;
}

function pathOf(url: string | undefined): string {
	const end = url?.search(/[?#]/) ?? -1;
	return end === -1 ? (url ?? '') : url!.slice(0, end);
}

/**
 * The request URL as Kit would see it; only its protocol (HSTS behind TLS) and query are used.
 * A Host header is the client's to send: one that is no host name must not throw.
 */
function requestUrl(req: IncomingMessage): URL {
	const parse = (text: string) => URL.parse(text) ?? new URL('http://localhost');
	const base = parse(process.env.ORIGIN ?? `http://${req.headers.host ?? 'localhost'}`);
	const header = process.env.PROTOCOL_HEADER?.toLowerCase();
	const forwarded = header ? req.headers[header] : undefined;
	if (forwarded === 'https' || forwarded === 'http') base.protocol = `${forwarded}:`;
	return URL.parse(req.url ?? '/', base) ?? base;
}

function header(req: IncomingMessage, name: string): string | null {
	const value = req.headers[name];
	return typeof value === 'string' ? value : null;
}

export async function serveLive(
	req: IncomingMessage,
	res: ServerResponse,
	rt: () => Promise<Runtime> = runtime
): Promise<void> {
	const url = requestUrl(req);
	let release: (() => void) | undefined;
	try {
		const { db, hub, secret } = await rt();
		let claims;
		try {
			claims = await bearerClaims(header(req, 'authorization'), secret);
		} catch (error) {
			if (error instanceof ApiError) return await send(res, tokenRefusal(error), url);
			throw error;
		}
		const topics = parseTopics(url.searchParams.get('topics'));
		const after = parseResume(header(req, 'last-event-id'), url.searchParams.get('after'));
		// Before authorization: a refused stream costs no database work.
		release = hub.admission.admit(clientAddress(req));
		await authorizeTopics(db, claims, topics);
		if (res.destroyed) return release();
		const framed = req.httpVersion === '1.1';
		const headers = applySecurityHeaders(new Response(null, { headers: liveResponseHeaders }), url).headers;
		res.writeHead(200, {
			...Object.fromEntries(headers),
			// Our own chunk framing (below) and Node's terminating chunk at res.end() agree by construction.
			...(framed ? { 'transfer-encoding': 'chunked' } : {}),
			// A finished stream's socket is of no use to an SSE client; closing it also lets a
			// graceful shutdown finish at once.
			connection: 'close'
		});
		res.flushHeaders();
		const session = startLiveSession(
			{ db, hub, claims, topics, after, release },
			new SocketSink(res, framed)
		);
		res.once('close', () => session.stop());
	} catch (error) {
		// No session holds the place (the session gives it back itself once started).
		release?.();
		const response = apiErrorResponse(error);
		if (!response) console.error('live:', error instanceof Error ? error.message : error);
		await send(res, response ?? errorResponse(500, 'internal', 'Internal error'), url);
	}
}

async function send(res: ServerResponse, response: Response, url: URL): Promise<void> {
	if (res.headersSent || res.destroyed) return void res.destroy();
	const secured = applySecurityHeaders(response, url);
	const body = Buffer.from(await secured.arrayBuffer());
	res.writeHead(secured.status, { ...Object.fromEntries(secured.headers), 'content-length': body.length });
	res.end(body);
}

/** HTTP/1.1 chunk of each batch, made by the first subscriber that writes it, reused by the rest. */
const chunkOfBatch = new WeakMap<Batch, Uint8Array>();

/**
 * Writes after the response head, straight to the socket: Node's `res.write` would frame and
 * cork every write of every subscriber again. The response object keeps the head (flushed before
 * the first write) and the tail (`res.end()` writes the terminating chunk), so it stays valid HTTP.
 */
class SocketSink implements LiveSink {
	readonly #res: ServerResponse;
	readonly #framed: boolean;

	constructor(res: ServerResponse, framed: boolean) {
		this.#res = res;
		this.#framed = framed;
	}

	write(bytes: Uint8Array): boolean {
		// An empty chunk would read as the end of the body.
		if (!bytes.length) return true;
		return this.#raw(this.#framed ? httpChunk(bytes) : bytes);
	}

	writeBatch(batch: Batch): boolean {
		if (!this.#framed) return this.#raw(batch.bytes);
		let chunk = chunkOfBatch.get(batch);
		if (!chunk) chunkOfBatch.set(batch, (chunk = httpChunk(batch.bytes)));
		return this.#raw(chunk);
	}

	#raw(bytes: Uint8Array): boolean {
		const socket = this.#res.socket;
		if (!socket || socket.destroyed || !socket.writable) return false;
		if (socket.writableLength > maxBufferedBytes) return false;
		socket.write(bytes);
		return true;
	}

	close(): void {
		const socket = this.#res.socket;
		// A client this far behind would take ages to drain the rest: cut it.
		if (socket && socket.writableLength > maxBufferedBytes) socket.destroy();
		else this.#res.end();
	}
}
