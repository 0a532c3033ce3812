/**
 * Web Push requests: `web-push` encrypts (RFC 8291 aes128gcm) and signs (RFC 8292 VAPID); we post
 * with fetch. The VAPID JWT is made once per push service and hour (signing per message would cost
 * a P-256 signature each), valid for 12 h as RFC 8292 allows up to 24 h.
 */
import webpush from 'web-push';
import type { VapidKeys } from './vapid.ts';

export interface PushRequest {
	endpoint: string;
	headers: Record<string, string>;
	body: Buffer | null;
}

export interface PushResponse {
	/** HTTP status; 0 when the service could not be reached. */
	status: number;
	retryAfter: string | null;
}

export type PushTransport = (request: PushRequest) => Promise<PushResponse>;

export interface PushTarget {
	endpoint: string;
	keys: { p256dh: string; auth: string };
}

const jwtLifetimeSeconds = 12 * 60 * 60;
const jwtReuseMs = 60 * 60_000;

export class PushRequestBuilder {
	readonly #vapid: VapidKeys;
	readonly #auth = new Map<string, { header: string; madeAt: number }>();

	constructor(vapid: VapidKeys) {
		this.#vapid = vapid;
	}

	#authorization(endpoint: string, now: number): string {
		const audience = new URL(endpoint).origin;
		const cached = this.#auth.get(audience);
		if (cached && now - cached.madeAt < jwtReuseMs) return cached.header;
		const headers = webpush.getVapidHeaders(
			audience,
			this.#vapid.subject,
			this.#vapid.publicKey,
			this.#vapid.privateKey,
			'aes128gcm',
			Math.floor(now / 1000) + jwtLifetimeSeconds
		);
		const header = String(headers.Authorization);
		this.#auth.set(audience, { header, madeAt: now });
		return header;
	}

	build(
		target: PushTarget,
		payload: string,
		options: { ttlSeconds: number; urgency: 'high' | 'normal'; topic: string },
		now = Date.now()
	): PushRequest {
		const details = webpush.generateRequestDetails(target, payload, {
			TTL: options.ttlSeconds,
			urgency: options.urgency,
			topic: options.topic,
			contentEncoding: 'aes128gcm',
			headers: { Authorization: this.#authorization(target.endpoint, now) }
		});
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(details.headers)) headers[name] = String(value);
		// fetch sets it from the body.
		delete headers['Content-Length'];
		return { endpoint: details.endpoint, headers, body: details.body as Buffer | null };
	}
}

/**
 * Posts with fetch. `loopbackHttp` (tests only): an https://127.0.0.1 endpoint goes over plain
 * http to the loopback mock push service.
 */
export function fetchTransport(options: { loopbackHttp?: boolean; timeoutMs?: number } = {}): PushTransport {
	const timeoutMs = options.timeoutMs ?? 15_000;
	return async (request) => {
		let url = request.endpoint;
		if (options.loopbackHttp && url.startsWith('https://127.0.0.1:'))
			url = `http://${url.slice('https://'.length)}`;
		try {
			const response = await fetch(url, {
				method: 'POST',
				headers: request.headers,
				body: request.body ? new Uint8Array(request.body) : null,
				signal: AbortSignal.timeout(timeoutMs),
				redirect: 'error'
			});
			await response.body?.cancel();
			return { status: response.status, retryAfter: response.headers.get('retry-after') };
		} catch {
			return { status: 0, retryAfter: null };
		}
	};
}
