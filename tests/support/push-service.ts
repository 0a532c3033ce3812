/**
 * A Web Push service on loopback for tests — the one part of delivery that is mocked, because the
 * browsers' push services (FCM, Mozilla, Apple, WNS) are on the internet. It behaves like one
 * where it matters: it checks the VAPID JWT (RFC 8292: ES256 signed by the `k` key, `aud` = its
 * own https origin, not expired), decrypts the RFC 8291 aes128gcm body with the subscriber's
 * private key (http_ece), answers 201, and keeps messages per subscription with RFC 8030 §5.4
 * replacement: a message with the Topic of one still stored replaces it. Tests can script
 * answers (410, 429 + Retry-After, 500) per subscription.
 * Subscribers get endpoints `https://127.0.0.1:<port>/push/<id>`; the worker's test-only
 * loopback switch posts them over http.
 */
import { createECDH } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { createRequire } from 'node:module';
import { importJWK, jwtVerify } from 'jose';
import { type SyntheticPushKeys, syntheticPushKeys } from '../unit/notify-fixtures.ts';

const require = createRequire(import.meta.url);
const ece = require('http_ece') as {
	decrypt(body: Buffer, params: { version: string; privateKey: unknown; authSecret: string }): Buffer;
};

export interface StoredPush {
	topic: string | null;
	payload: unknown;
	receivedAt: number;
}

export type ScriptedAnswer = { status: number; headers?: Record<string, string> } | null;

export interface LoopbackPushService {
	/** `https://127.0.0.1:<port>`: the origin endpoints and VAPID `aud` use. */
	origin: string;
	/** A new subscription with its own key pair. */
	subscribe(id?: string): SyntheticPushKeys & { id: string };
	/** Keys shared by every id not registered: for synthetic load without a key pair each. */
	sharedKeys: SyntheticPushKeys;
	/** Messages kept per subscription id (after Topic replacement). */
	messages(id: string): StoredPush[];
	/** Requests accepted (201) in total, replacements included. */
	accepted(): number;
	/** Per-id accepted counts (replacements included). */
	acceptedPerId(): Map<string, number>;
	/** Answers for a subscription id, or null for the normal 201. */
	script(answer: (id: string, attempt: number) => ScriptedAnswer): void;
	/** Set VAPID failures seen (should stay empty). */
	rejected: string[];
	/** Time of the latest accepted request (ms). */
	lastAcceptedAt(): number;
	close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

function p256Jwk(raw: Buffer) {
	return {
		kty: 'EC',
		crv: 'P-256',
		x: raw.subarray(1, 33).toString('base64url'),
		y: raw.subarray(33, 65).toString('base64url')
	};
}

export async function startPushService(options: { decrypt?: boolean } = {}): Promise<LoopbackPushService> {
	const decrypt = options.decrypt ?? true;
	const keysById = new Map<string, SyntheticPushKeys>();
	const stored = new Map<string, StoredPush[]>();
	const attempts = new Map<string, number>();
	const acceptedById = new Map<string, number>();
	const verifiedKeys = new Map<string, Awaited<ReturnType<typeof importJWK>>>();
	const rejected: string[] = [];
	let total = 0;
	let lastAt = 0;
	let scripted: (id: string, attempt: number) => ScriptedAnswer = () => null;
	let origin = '';

	async function verifyVapid(header: string | undefined): Promise<string | null> {
		const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
		if (!match) return 'no vapid authorization';
		const [, token, k] = match;
		let key = verifiedKeys.get(k);
		if (!key) {
			key = await importJWK(p256Jwk(Buffer.from(k, 'base64url')), 'ES256');
			verifiedKeys.set(k, key);
		}
		try {
			const { payload } = await jwtVerify(token, key, { algorithms: ['ES256'] });
			if (payload.aud !== origin) return `aud ${String(payload.aud)} is not ${origin}`;
			if (typeof payload.sub !== 'string' || !/^(mailto:|https:)/.test(payload.sub)) return 'bad sub';
			return null;
		} catch (error) {
			return `jwt: ${(error as Error).message}`;
		}
	}

	async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const match = /^\/push\/([\w-]+)$/.exec(request.url ?? '');
		if (request.method !== 'POST' || !match) {
			response.writeHead(404).end();
			return;
		}
		const id = match[1];
		const body = await readBody(request);
		const attempt = (attempts.get(id) ?? 0) + 1;
		attempts.set(id, attempt);
		const answer = scripted(id, attempt);
		if (answer) {
			response.writeHead(answer.status, answer.headers).end();
			return;
		}
		const vapidProblem = await verifyVapid(request.headers.authorization);
		if (vapidProblem) {
			rejected.push(vapidProblem);
			response.writeHead(403).end();
			return;
		}
		if (request.headers['content-encoding'] !== 'aes128gcm') {
			rejected.push('not aes128gcm');
			response.writeHead(415).end();
			return;
		}
		let payload: unknown = null;
		if (decrypt) {
			const keys = keysById.get(id) ?? sharedKeys;
			const ecdh = createECDH('prime256v1');
			ecdh.setPrivateKey(Buffer.from(keys.privateKey, 'base64url'));
			const plain = ece.decrypt(body, { version: 'aes128gcm', privateKey: ecdh, authSecret: keys.keys.auth });
			payload = JSON.parse(plain.toString('utf8'));
		}
		const topic = (request.headers.topic as string | undefined) ?? null;
		const list = stored.get(id) ?? [];
		const message = { topic, payload, receivedAt: Date.now() };
		const same = topic === null ? -1 : list.findIndex((m) => m.topic === topic);
		if (same >= 0) list[same] = message;
		else list.push(message);
		stored.set(id, list);
		total += 1;
		acceptedById.set(id, (acceptedById.get(id) ?? 0) + 1);
		lastAt = Date.now();
		response.writeHead(201, { location: `/message/${id}/${total}` }).end();
	}

	const server = createServer((request, response) => {
		handle(request, response).catch((error: unknown) => {
			rejected.push(`handler: ${(error as Error).message}`);
			if (!response.headersSent) response.writeHead(400);
			response.end();
		});
	});
	server.keepAliveTimeout = 30_000;
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	origin = `https://127.0.0.1:${port}`;
	const sharedKeys = syntheticPushKeys(`${origin}/push/shared`);

	return {
		origin,
		sharedKeys,
		subscribe(id = crypto.randomUUID()) {
			const keys = syntheticPushKeys(`${origin}/push/${id}`);
			keysById.set(id, keys);
			return { ...keys, id };
		},
		messages: (id) => stored.get(id) ?? [],
		accepted: () => total,
		acceptedPerId: () => acceptedById,
		script(answer) {
			scripted = answer;
		},
		rejected,
		lastAcceptedAt: () => lastAt,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
