/**
 * The one door between pages and the backend. Two adapters implement it: `embedded` (fetch to our
 * HTTP API, and a fetch-based SSE reader on /api/live: live-reader.ts) and `supabase` (supabase-js
 * rpc/from + private broadcast channels). Pages import only this file and `backend/index.ts`,
 * never an adapter.
 */
import type { Alert, AlertInput } from '../domain/alert.ts';
import type { OpenOrder, OpenOrderAck, OpenOrderInput, OpenOrderState } from '../domain/open-order.ts';
import type { Report, ReportInput } from '../domain/report.ts';
import type { ShelterCollection } from '../domain/shelter.ts';
import type { JmaSnapshot } from '../jma/snapshot.ts';

export type Role = 'hq' | 'staff';

export interface Session {
	access_token: string;
	expires_at: number;
	role: Role;
	shelter_id: string | null;
	username: string;
}

/** Realtime topics of DESIGN.md. */
export type Topic = 'shelters' | 'alerts' | 'jma' | 'hq' | `shelter:${string}`;

export interface LiveEvent {
	/** Monotonic id; a reconnecting subscriber resumes after it (SSE Last-Event-ID). */
	id: string;
	/** null only for `resync`, which concerns the whole stream. */
	topic: Topic | null;
	event: string;
	payload: unknown;
}

/**
 * The server could not (or would not: too many for an anonymous caller) replay what this
 * subscriber missed. The stream goes on from now; the subscriber must refetch its snapshot
 * (shelters, alerts, reports, messages) as after a reconnect.
 */
export const resyncEvent = 'resync';

export function isResync(event: LiveEvent): boolean {
	return event.event === resyncEvent && event.topic === null;
}

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'closed';

export interface ReportAck {
	id: number;
	client_id: string;
	received_at: string;
	/** True when this client_id had already been stored (idempotent replay). */
	duplicate: boolean;
}

export interface Message {
	id: string;
	shelter_id: string | null;
	body: string;
	sent_by: string | null;
	sent_at: string;
	/** The caller's shelter's read receipt (staff); null for HQ or when unread. */
	read_at: string | null;
	drill: boolean;
	/** Every receipt the caller may see (HQ: all shelters; staff: their own). From listMessages. */
	reads?: { shelter_id: string; read_at: string }[];
}

/** An error the backend answered with: HTTP status and `{ error: { code, message } }`. */
export class BackendError extends Error {
	// Plain fields, not constructor parameter properties: Node's type stripping (scripts, benches)
	// cannot run those.
	readonly status: number;
	readonly code: string;
	constructor(status: number, code: string, message: string) {
		super(message);
		this.name = 'BackendError';
		this.status = status;
		this.code = code;
	}
}

export interface Backend {
	readonly mode: 'embedded' | 'supabase';
	/** Shelters with public status; `etag` makes a repeat fetch cheap (304 → same object). */
	listShelters(): Promise<ShelterCollection>;
	signIn(username: string, password: string): Promise<Session>;
	signOut(): Promise<void>;
	session(): Session | null;
	submitReport(report: ReportInput): Promise<ReportAck>;
	listReports(options?: { since?: string; shelterId?: string }): Promise<Report[]>;
	listAlerts(): Promise<Alert[]>;
	issueAlert(alert: AlertInput): Promise<Alert>;
	cancelAlert(id: string): Promise<Alert>;
	sendMessage(message: { shelter_id: string | null; body: string }): Promise<Message>;
	listMessages(): Promise<Message[]>;
	markMessageRead(id: string): Promise<void>;
	setDrillMode(on: boolean): Promise<void>;
	/** Opening orders (開設指示) newest first: HQ all, staff their own shelter's. */
	listOpenOrders(options?: { state?: OpenOrderState }): Promise<OpenOrder[]>;
	/** HQ: order shelters to open (by id, or every designated one for a hazard). */
	issueOpenOrders(input: OpenOrderInput): Promise<OpenOrder[]>;
	cancelOpenOrder(id: number): Promise<OpenOrder>;
	resendOpenOrder(id: number): Promise<OpenOrder>;
	/** Staff 「確認しました」; idempotent on `client_id` (sent through the outbox). */
	acknowledgeOpenOrder(ack: OpenOrderAck): Promise<ReportAck>;
	/** JMA's information in effect for 狛江市 and the recent telegrams (public). */
	listJma(): Promise<JmaSnapshot>;
	/** Live events of the given topics; the callback also learns the connection state. */
	subscribe(
		topics: Topic[],
		onEvent: (event: LiveEvent) => void,
		onState?: (state: LiveState) => void
	): () => void;
}
