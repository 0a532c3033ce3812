/**
 * The supabase adapter against a FAKE supabase-js client: a mock of the hosted Supabase service,
 * which cannot be reached from these machines. It checks what the adapter asks of supabase-js
 * (RPC names and argument names matching supabase/migrations, tables, private channels, auth) and
 * how it maps PostgREST errors (SQLSTATE in `code`) to the same BackendError statuses as the
 * embedded HTTP API. The SQL behind those calls is tested for real on PGlite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { BackendError } from '#lib/backend/port.ts';
import { createSupabaseBackend, type ChannelLike, type SupabaseLike } from '#lib/backend/supabase.ts';

type AuthListener = Parameters<NonNullable<SupabaseLike['auth']['onAuthStateChange']>>[0];

function fakeSupabase(options: { rpcError?: { code: string; message: string } } = {}) {
	const calls: { kind: string; name: string; args?: unknown }[] = [];
	const channels: {
		name: string;
		private?: boolean;
		handler?: (m: { event: string; payload: unknown; meta?: { id?: string } }) => void;
		status?: (s: string) => void;
	}[] = [];
	let authToken: string | null | undefined;
	const rows: Record<string, unknown[]> = {
		staff: [{ role: 'staff', shelter_id: 'E1' }],
		messages: [
			{
				id: 'm1',
				shelter_id: null,
				body: 'hello',
				sent_by: null,
				sent_at: '2026-01-01T00:00:00Z',
				drill: false,
				message_reads: [
					{ shelter_id: 'E1', read_at: '2026-01-01T00:01:00Z' },
					{ shelter_id: 'E2', read_at: '2026-01-01T00:02:00Z' }
				]
			}
		],
		alerts: [],
		shelter_reports: []
	};
	const builder = (table: string) => {
		const query: { table: string; ops: unknown[][] } = { table, ops: [] };
		const chain = {
			select: (...a: unknown[]) => (query.ops.push(['select', ...a]), chain),
			eq: (...a: unknown[]) => (query.ops.push(['eq', ...a]), chain),
			gt: (...a: unknown[]) => (query.ops.push(['gt', ...a]), chain),
			order: (...a: unknown[]) => (query.ops.push(['order', ...a]), chain),
			limit: (...a: unknown[]) => (query.ops.push(['limit', ...a]), chain),
			then: (resolve: (v: { data: unknown; error: null }) => void) => {
				calls.push({ kind: 'from', name: table, args: query.ops });
				resolve({ data: rows[table] ?? [], error: null });
			}
		};
		return chain;
	};
	const authListeners: AuthListener[] = [];
	const client: SupabaseLike = {
		rpc: async (name, args) => {
			calls.push({ kind: 'rpc', name, args });
			if (options.rpcError) return { data: null, error: options.rpcError };
			return { data: { ok: name }, error: null };
		},
		from: builder,
		auth: {
			signInWithPassword: async ({ email, password }) =>
				password === 'right password here'
					? {
							data: {
								session: {
									access_token: 'jwt-1',
									expires_at: Math.floor(Date.now() / 1000) + 3600,
									user: { id: 'u1', email }
								}
							},
							error: null
						}
					: { data: { session: null }, error: { status: 400, message: 'Invalid login credentials' } },
			signOut: async () => ({}),
			onAuthStateChange: (callback) => {
				authListeners.push(callback);
				return { data: { subscription: { unsubscribe: () => undefined } } };
			}
		},
		realtime: {
			setAuth: (token) => {
				authToken = token;
			}
		},
		channel: (name, opts) => {
			const record: (typeof channels)[number] = { name, private: opts?.config?.private };
			channels.push(record);
			const channel: ChannelLike = {
				on: (_type, _filter, handler) => {
					record.handler = handler;
					return channel;
				},
				subscribe: (status) => {
					record.status = status;
					return channel;
				}
			};
			return channel;
		},
		removeChannel: () => undefined
	};
	/** Plays supabase-js's auth events (TOKEN_REFRESHED, SIGNED_OUT) to the adapter. */
	const emitAuth = (event: string, session: Parameters<AuthListener>[1]) =>
		authListeners.forEach((listener) => listener(event, session));
	return { client, calls, channels, authToken: () => authToken, emitAuth };
}

const make = (fake: ReturnType<typeof fakeSupabase>) =>
	createSupabaseBackend({ url: 'https://example.supabase.co', anonKey: 'anon', client: fake.client });

describe('supabase adapter (fake client, mock of hosted Supabase)', () => {
	it('calls the migrations’ RPCs with their argument names', async () => {
		const fake = fakeSupabase();
		const backend = make(fake);
		await backend.listShelters();
		await backend.submitReport({
			client_id: '00000000-0000-4000-8000-000000000000',
			shelter_id: 'E1',
			status: 'open',
			evacuees: 1,
			crowding: 'vacant',
			needs: [],
			note: '',
			reported_at: '2026-01-01T00:00:00Z'
		});
		await backend.issueAlert({ level: 4, hazard: 'flood', areas: ['all'], text: { ja: '避難指示' } });
		await backend.cancelAlert('a1');
		await backend.sendMessage({ shelter_id: null, body: 'x' });
		await backend.markMessageRead('m1');
		await backend.setDrillMode(true);
		expect(
			fake.calls.filter((c) => c.kind === 'rpc').map((c) => [c.name, Object.keys(c.args as object)])
		).toEqual([
			['shelter_collection', []],
			['submit_report', ['report']],
			['issue_alert', ['alert']],
			['cancel_alert', ['alert_id']],
			['send_message', ['message']],
			['mark_message_read', ['message_id']],
			['set_drill_mode', ['drill_on']]
		]);
	});

	it('maps PostgREST SQLSTATEs like the embedded API (42501 → 403, P0002 → 404, 23514 → 400, JWT → 401)', async () => {
		for (const [code, status] of [
			['PGRST301', 401],
			['PGRST303', 401],
			['42501', 403],
			['P0002', 404],
			['23514', 400],
			['XX000', 500]
		] as const) {
			const backend = make(fakeSupabase({ rpcError: { code, message: 'refused' } }));
			const error = await backend.cancelAlert('a1').catch((e: unknown) => e);
			expect(error).toBeInstanceOf(BackendError);
			expect((error as BackendError).status).toBe(status);
		}
	});

	it('signs in with the e-mail as username and takes role and shelter from public.staff', async () => {
		const fake = fakeSupabase();
		const backend = make(fake);
		await expect(backend.signIn('a@example.org', 'wrong')).rejects.toMatchObject({
			status: 400,
			code: 'invalid_credentials'
		});
		const session = await backend.signIn('a@example.org', 'right password here');
		expect(session).toMatchObject({ role: 'staff', shelter_id: 'E1', access_token: 'jwt-1' });
		expect(backend.session()).toEqual(session);
		expect(fake.authToken()).toBe('jwt-1');
		expect(fake.calls.find((c) => c.name === 'staff')?.args).toContainEqual(['eq', 'user_id', 'u1']);
	});

	it('follows supabase-js’s token refresh (HQ stays signed in past the first hour) and its sign-out', async () => {
		const fake = fakeSupabase();
		const backend = make(fake);
		await backend.signIn('a@example.org', 'right password here');
		const later = Math.floor(Date.now() / 1000) + 7200;
		fake.emitAuth('TOKEN_REFRESHED', { access_token: 'jwt-2', expires_at: later, user: { id: 'u1' } });
		expect(backend.session()).toMatchObject({ access_token: 'jwt-2', expires_at: later, role: 'staff' });
		expect(fake.authToken()).toBe('jwt-2');
		fake.emitAuth('SIGNED_OUT', null);
		expect(backend.session()).toBeNull();
	});

	it('lists messages with the own shelter’s receipt as read_at', async () => {
		const fake = fakeSupabase();
		const backend = make(fake);
		await backend.signIn('a@example.org', 'right password here');
		const [message] = await backend.listMessages();
		expect(message.read_at).toBe('2026-01-01T00:01:00Z');
	});

	it('subscribes private channels for hq/shelter topics and public ones otherwise', async () => {
		const fake = fakeSupabase();
		const backend = make(fake);
		const events: unknown[] = [];
		const states: string[] = [];
		const stop = backend.subscribe(
			['shelters', 'hq'],
			(e) => events.push(e),
			(s) => states.push(s)
		);
		await new Promise((r) => setTimeout(r, 0));
		expect(fake.channels.map((c) => [c.name, c.private])).toEqual([
			['shelters', false],
			['hq', true]
		]);
		for (const c of fake.channels) c.status?.('SUBSCRIBED');
		fake.channels[1].handler?.({ event: 'report', payload: { id: 1 }, meta: { id: 'x1' } });
		expect(events).toEqual([{ id: 'x1', topic: 'hq', event: 'report', payload: { id: 1 } }]);
		expect(states).toEqual(['connecting', 'live']);
		stop();
		expect(states.at(-1)).toBe('closed');
	});
});
