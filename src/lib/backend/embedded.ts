/**
 * The embedded adapter: our own HTTP API (fetch) and the SSE stream of GET /api/live read with
 * fetch (see live-reader.ts). The session (access token + expiry) is kept in localStorage so a
 * staff terminal stays signed in across reloads until the token expires.
 */
import type { Alert, AlertInput } from '../domain/alert.ts';
import type { OpenOrder, OpenOrderAck, OpenOrderInput } from '../domain/open-order.ts';
import type { Report, ReportInput } from '../domain/report.ts';
import type { ShelterCollection } from '../domain/shelter.ts';
import type { JmaSnapshot } from '../jma/snapshot.ts';
import { backendErrorOf } from './http-error.ts';
import { readLive } from './live-reader.ts';
import {
	type Backend,
	type LiveEvent,
	type LiveState,
	type Message,
	type ReportAck,
	type Session,
	type Topic
} from './port.ts';

export const sessionKey = 'bosai.session';

export interface EmbeddedOptions {
	/** Origin of the API; '' (same origin) in the browser. */
	baseUrl?: string;
	fetch?: typeof fetch;
	storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
	now?: () => number;
}

interface TokenAnswer {
	access_token: string;
	expires_at: number;
	role: Session['role'];
	shelter_id: string | null;
	username: string;
}

export function createEmbeddedBackend(options: EmbeddedOptions = {}): Backend {
	const base = options.baseUrl ?? '';
	const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
	const storage =
		options.storage !== undefined
			? options.storage
			: typeof localStorage === 'undefined'
				? null
				: localStorage;
	const now = options.now ?? Date.now;
	let current: Session | null = null;
	let shelters: { etag: string; value: ShelterCollection } | null = null;

	function loadSession(): Session | null {
		if (current === null && storage) {
			try {
				current = JSON.parse(storage.getItem(sessionKey) ?? 'null') as Session | null;
			} catch {
				current = null;
			}
		}
		if (current && current.expires_at * 1000 <= now()) {
			current = null;
			storage?.removeItem(sessionKey);
		}
		return current;
	}

	function authHeaders(): Record<string, string> {
		const session = loadSession();
		return session ? { authorization: `Bearer ${session.access_token}` } : {};
	}

	async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
		const headers: Record<string, string> = { accept: 'application/json', ...authHeaders() };
		if (body !== undefined) headers['content-type'] = 'application/json';
		const response = await doFetch(base + path, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		if (!response.ok) {
			// The server no longer accepts this token: forget it so the UI asks to sign in again.
			if (response.status === 401 && headers.authorization) {
				current = null;
				storage?.removeItem(sessionKey);
			}
			throw await backendErrorOf(response);
		}
		return (await response.json()) as T;
	}

	return {
		mode: 'embedded',
		async listShelters() {
			const headers: Record<string, string> = { accept: 'application/geo+json, application/json' };
			Object.assign(headers, authHeaders());
			if (shelters) headers['if-none-match'] = shelters.etag;
			const response = await doFetch(`${base}/api/shelters`, { headers });
			if (response.status === 304 && shelters) return shelters.value;
			if (!response.ok) throw await backendErrorOf(response);
			const value = (await response.json()) as ShelterCollection;
			const etag = response.headers.get('etag');
			shelters = etag ? { etag, value } : null;
			return value;
		},
		async signIn(username, password) {
			const answer = await call<TokenAnswer>('POST', '/api/auth/token', { username, password });
			current = {
				access_token: answer.access_token,
				expires_at: answer.expires_at,
				role: answer.role,
				shelter_id: answer.shelter_id,
				username: answer.username
			};
			storage?.setItem(sessionKey, JSON.stringify(current));
			shelters = null; // HQ sees more shelters than anonymous callers
			return current;
		},
		async signOut() {
			current = null;
			shelters = null;
			storage?.removeItem(sessionKey);
		},
		session: loadSession,
		submitReport: (report: ReportInput) => call<ReportAck>('POST', '/api/reports', report),
		listReports(query = {}) {
			const params = new URLSearchParams();
			if (query.since) params.set('since', query.since);
			if (query.shelterId) params.set('shelter_id', query.shelterId);
			const suffix = params.size ? `?${params}` : '';
			return call<Report[]>('GET', `/api/reports${suffix}`);
		},
		listAlerts: () => call<Alert[]>('GET', '/api/alerts'),
		listJma: () => call<JmaSnapshot>('GET', '/api/jma'),
		issueAlert: (alert: AlertInput) => call<Alert>('POST', '/api/alerts', alert),
		cancelAlert: (id: string) => call<Alert>('POST', `/api/alerts/${encodeURIComponent(id)}/cancel`, {}),
		sendMessage: (message) => call<Message>('POST', '/api/messages', message),
		listMessages: () => call<Message[]>('GET', '/api/messages'),
		async markMessageRead(id: string) {
			await call<unknown>('POST', `/api/messages/${encodeURIComponent(id)}/read`, {});
		},
		async setDrillMode(on: boolean) {
			await call<unknown>('POST', '/api/drill', { on });
		},
		listOpenOrders(query = {}) {
			const suffix = query.state ? `?state=${encodeURIComponent(query.state)}` : '';
			return call<OpenOrder[]>('GET', `/api/open-orders${suffix}`);
		},
		issueOpenOrders: (input: OpenOrderInput) => call<OpenOrder[]>('POST', '/api/open-orders', input),
		cancelOpenOrder: (id: number) => call<OpenOrder>('POST', `/api/open-orders/${id}/cancel`, {}),
		resendOpenOrder: (id: number) => call<OpenOrder>('POST', `/api/open-orders/${id}/resend`, {}),
		acknowledgeOpenOrder: (ack: OpenOrderAck) =>
			call<ReportAck>('POST', `/api/open-orders/${ack.order_id}/ack`, { client_id: ack.client_id }),
		subscribe(topics: Topic[], onEvent: (event: LiveEvent) => void, onState?: (state: LiveState) => void) {
			return readLive({
				url: `${base}/api/live`,
				topics,
				headers: authHeaders,
				fetch: doFetch,
				onEvent,
				onState
			});
		}
	};
}
