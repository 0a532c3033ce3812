/**
 * The supabase adapter: supabase-js against a hosted Supabase project running the same
 * migrations. Writes go through the same security definer RPCs as the embedded HTTP API
 * (`.rpc()`), reads through PostgREST under the same RLS, live events through Realtime broadcast
 * channels (private ones authorized by the RLS policy on realtime.messages).
 * supabase-js is imported lazily so embedded-mode pages never download it.
 * Accounts: a user name signs in as `<name>@accounts.bosai-map.invalid` (accounts/supabase-email.ts;
 * HQ makes them through our server's auth.admin), an e-mail as itself; role and shelter come from
 * public.staff, the same authority as in embedded mode. HQ's account panel calls our server's
 * /api/accounts/** with this session's access token.
 */
import { accountEmail } from '../accounts/supabase-email.ts';
import type { Alert, AlertInput } from '../domain/alert.ts';
import type { OpenOrder, OpenOrderAck, OpenOrderInput } from '../domain/open-order.ts';
import { withOrderState } from '../domain/open-order-state.ts';
import type { Report, ReportInput } from '../domain/report.ts';
import type { ShelterCollection } from '../domain/shelter.ts';
import type { JmaRow, JmaSnapshot } from '../jma/snapshot.ts';
import {
	BackendError,
	type Backend,
	type LiveEvent,
	type LiveState,
	type Message,
	type ReportAck,
	type Session,
	type Topic
} from './port.ts';
import { isPostgrestAuthError, statusOfSqlState, type PgError } from './sql-errors.ts';

/** The slice of SupabaseClient this adapter uses (a fake implements it in the unit test). */
export interface SupabaseLike {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	rpc(fn: string, args?: Record<string, unknown>): PromiseLike<{ data: any; error: PgError | null }>;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	from(table: string): any;
	auth: {
		signInWithPassword(credentials: { email: string; password: string }): PromiseLike<{
			data: { session: SupabaseSession | null };
			error: { status?: number; code?: string; message: string } | null;
		}>;
		signOut(): PromiseLike<unknown>;
		/** supabase-js tells us when it refreshed the token (about hourly) or signed out. */
		onAuthStateChange?(callback: (event: string, session: SupabaseSession | null) => void): {
			data: { subscription: { unsubscribe(): void } };
		};
	};
	realtime: { setAuth(token?: string | null): unknown };
	channel(name: string, options?: { config?: { private?: boolean } }): ChannelLike;
	removeChannel(channel: ChannelLike): unknown;
}

export interface ChannelLike {
	on(
		type: 'broadcast',
		filter: { event: string },
		callback: (message: { event: string; payload: unknown; meta?: { id?: string } }) => void
	): ChannelLike;
	subscribe(callback?: (status: string, error?: Error) => void): ChannelLike;
}

interface SupabaseSession {
	access_token: string;
	expires_at?: number;
	user: { id: string; email?: string };
}

export interface SupabaseOptions {
	url: string;
	anonKey: string;
	/** For tests: a client to use instead of supabase-js's createClient. */
	client?: SupabaseLike;
}

const publicTopics = new Set<Topic>(['shelters', 'alerts', 'jma']);
const publicAlertColumns =
	'id, level, hazard, areas, text, issued_at, expires_at, cancelled_at, references_id, drill';

/** A JWT error is a 401: the staff outbox must ask to sign in again, not retry. */
function fail(error: PgError): never {
	if (isPostgrestAuthError(error.code)) throw new BackendError(401, 'unauthorized', error.message);
	const mapped = error.code ? statusOfSqlState(error.code) : null;
	throw new BackendError(mapped?.[0] ?? 500, mapped?.[1] ?? error.code ?? 'error', error.message);
}

export function createSupabaseBackend(options: SupabaseOptions): Backend {
	let clientPromise: Promise<SupabaseLike> | undefined;
	let current: Session | null = null;

	function client(): Promise<SupabaseLike> {
		clientPromise ??= (
			options.client
				? Promise.resolve(options.client)
				: import('@supabase/supabase-js').then(
						({ createClient }) =>
							createClient(options.url, options.anonKey, {
								auth: { persistSession: true, autoRefreshToken: true }
							}) as unknown as SupabaseLike
					)
		).then((supabase) => {
			followTokenRefresh(supabase);
			return supabase;
		});
		return clientPromise;
	}

	/**
	 * supabase-js refreshes the access token before it expires; our session must carry the new one
	 * (the HQ panels send it to the server's routes, and realtime needs it), or HQ would look signed
	 * out an hour after signing in.
	 */
	function followTokenRefresh(supabase: SupabaseLike) {
		supabase.auth.onAuthStateChange?.((event, session) => {
			if (event === 'SIGNED_OUT') current = null;
			else if (event === 'TOKEN_REFRESHED' && session && current) {
				current = {
					...current,
					access_token: session.access_token,
					expires_at: session.expires_at ?? Math.floor(Date.now() / 1000) + 3600
				};
				supabase.realtime.setAuth(session.access_token);
			}
		});
	}

	async function rpc<T>(fn: string, args: Record<string, unknown>): Promise<T> {
		const { data, error } = await (await client()).rpc(fn, args);
		if (error) fail(error);
		return data as T;
	}

	async function select<T>(
		build: (from: SupabaseLike['from']) => PromiseLike<{ data: T; error: PgError | null }>
	) {
		const supabase = await client();
		const { data, error } = await build((table) => supabase.from(table));
		if (error) fail(error);
		return data;
	}

	function live(): Session | null {
		if (current && current.expires_at * 1000 <= Date.now()) current = null;
		return current;
	}

	return {
		mode: 'supabase',
		listShelters: () => rpc<ShelterCollection>('shelter_collection', {}),
		async signIn(username, password) {
			const supabase = await client();
			const { data, error } = await supabase.auth.signInWithPassword({
				email: accountEmail(username),
				password
			});
			if (error || !data.session) {
				throw new BackendError(
					error?.status ?? 401,
					'invalid_credentials',
					error?.message ?? 'Sign-in failed'
				);
			}
			const session = data.session;
			supabase.realtime.setAuth(session.access_token);
			const staff = await select<{ role: Session['role']; shelter_id: string | null }[]>((from) =>
				from('staff').select('role, shelter_id').eq('user_id', session.user.id)
			);
			if (!staff[0]) {
				await supabase.auth.signOut();
				throw new BackendError(403, 'forbidden', 'This account has no role (ask HQ to add it)');
			}
			current = {
				access_token: session.access_token,
				expires_at: session.expires_at ?? Math.floor(Date.now() / 1000) + 3600,
				role: staff[0].role,
				shelter_id: staff[0].shelter_id,
				username
			};
			return current;
		},
		async signOut() {
			current = null;
			await (await client()).auth.signOut();
		},
		session: live,
		submitReport: (report: ReportInput) => rpc<ReportAck>('submit_report', { report }),
		listReports: (query = {}) =>
			select<Report[]>((from) => {
				let builder = from('shelter_reports').select('*');
				if (query.since) builder = builder.gt('received_at', query.since);
				if (query.shelterId) builder = builder.eq('shelter_id', query.shelterId);
				return builder.order('received_at', { ascending: false }).limit(500);
			}),
		listAlerts: () =>
			select<Alert[]>((from) =>
				from('alerts')
					// Anonymous callers have no grant on the issuer columns.
					.select(live() ? '*' : publicAlertColumns)
					.order('issued_at', { ascending: false })
					.limit(200)
			),
		async listJma(): Promise<JmaSnapshot> {
			const columns =
				'id, stream, family, control_title, head_title, report_at, valid_until, info_type, level, headline, items';
			const inEffect = await select<JmaRow[]>((from) => from('jma_in_effect').select(columns));
			const timeline = await select<JmaRow[]>((from) =>
				from('jma_telegrams')
					.select(`${columns}, control_status, voided_by`)
					.order('report_at', { ascending: false })
					.limit(50)
			);
			// The ingester runs in our server, whose configuration the browser cannot see here.
			return { configured: null, source: '出典：気象庁ホームページ', in_effect: inEffect, timeline };
		},
		issueAlert: (alert: AlertInput) => rpc<Alert>('issue_alert', { alert }),
		cancelAlert: (id: string) => rpc<Alert>('cancel_alert', { alert_id: id }),
		sendMessage: (message) => rpc<Message>('send_message', { message }),
		async listMessages() {
			const rows = await select<
				(Omit<Message, 'read_at'> & { message_reads: { shelter_id: string; read_at: string }[] })[]
			>((from) =>
				from('messages')
					.select('*, message_reads(shelter_id, read_at)')
					.order('sent_at', { ascending: false })
					.limit(200)
			);
			const mine = live()?.shelter_id ?? null;
			return rows.map(({ message_reads, ...message }) => ({
				...message,
				read_at: message_reads.find((r) => r.shelter_id === mine)?.read_at ?? null,
				reads: message_reads
			}));
		},
		async markMessageRead(id: string) {
			await rpc('mark_message_read', { message_id: id });
		},
		async setDrillMode(on: boolean) {
			await rpc('set_drill_mode', { drill_on: on });
		},
		async listOpenOrders(query = {}) {
			const rows = await select<Omit<OpenOrder, 'state'>[]>((from) =>
				from('shelter_open_orders').select('*').order('issued_at', { ascending: false }).limit(500)
			);
			return rows.map(withOrderState).filter((order) => !query.state || order.state === query.state);
		},
		issueOpenOrders: (input: OpenOrderInput) => rpc<OpenOrder[]>('issue_open_orders', { request: input }),
		cancelOpenOrder: (id: number) => rpc<OpenOrder>('cancel_open_order', { order_id: id }),
		resendOpenOrder: (id: number) => rpc<OpenOrder>('resend_open_order', { order_id: id }),
		acknowledgeOpenOrder: (ack: OpenOrderAck) =>
			rpc<ReportAck>('acknowledge_open_order', { ack: { order_id: ack.order_id, client_id: ack.client_id } }),
		subscribe(topics: Topic[], onEvent: (event: LiveEvent) => void, onState?: (state: LiveState) => void) {
			let stopped = false;
			const channels: ChannelLike[] = [];
			const statuses = new Map<Topic, string>();
			const report = () => {
				const all = [...statuses.values()];
				if (stopped) onState?.('closed');
				else if (all.length === topics.length && all.every((s) => s === 'SUBSCRIBED')) onState?.('live');
				else if (all.some((s) => s === 'CHANNEL_ERROR' || s === 'TIMED_OUT' || s === 'CLOSED'))
					onState?.('reconnecting');
			};
			onState?.('connecting');
			void client().then((supabase) => {
				if (stopped) return;
				const token = live()?.access_token;
				if (token) supabase.realtime.setAuth(token);
				for (const topic of topics) {
					const channel = supabase
						.channel(topic, { config: { private: !publicTopics.has(topic) } })
						.on('broadcast', { event: '*' }, (message) =>
							onEvent({ id: message.meta?.id ?? '', topic, event: message.event, payload: message.payload })
						)
						.subscribe((status) => {
							statuses.set(topic, status);
							report();
						});
					channels.push(channel);
				}
			});
			return () => {
				stopped = true;
				void client().then((supabase) => channels.forEach((channel) => supabase.removeChannel(channel)));
				onState?.('closed');
			};
		}
	};
}
