/**
 * HQ account management in Supabase mode (issue 16), end to end on this machine: the REAL route
 * handlers of /api/accounts/**, the REAL server module (src/lib/server/supabase-admin) and the
 * REAL supabase-js client, against tests/support/fake-supabase.ts — a FAKE of the hosted
 * Supabase Auth (GoTrue) admin/user endpoints and PostgREST's /rpc, because the hosted services
 * cannot run here (the CLI's local stack needs Docker). The fake keeps its state in embedded
 * PGlite opened with our real shim and migrations, so role, shelter, RLS and the audit log are
 * our SQL, not a stand-in. What only a real Supabase project can confirm: docs/database.md.
 */
import { createClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accountEmail } from '#lib/accounts/supabase-email.ts';
import type { Database } from '#lib/server/db/types.ts';
import { disabledBan } from '#lib/server/supabase-admin/accounts.ts';
import * as accountsRoute from '../../src/routes/api/accounts/+server.ts';
import * as accountRoute from '../../src/routes/api/accounts/[id]/+server.ts';
import * as passwordRoute from '../../src/routes/api/accounts/[id]/password/+server.ts';
import * as codesRoute from '../../src/routes/api/accounts/enrollment-codes/+server.ts';
import * as enrollRoute from '../../src/routes/api/enroll/+server.ts';
import { gotrueSchemaSql, startFakeSupabase, type FakeSupabase } from '../support/fake-supabase.ts';
import {
	createFixtures,
	ids,
	openTestDatabase,
	shelterA,
	shelterC,
	type OpenedDatabase
} from './db-fixtures.ts';

let opened: OpenedDatabase;
let db: Database;
let fake: FakeSupabase;
let hqToken: string;
let staffToken: string;
const saved = { ...process.env };

const noSession = { persistSession: false, autoRefreshToken: false };
const anonClient = () => createClient(fake.url, fake.anonKey, { auth: noSession });
const adminClient = () => createClient(fake.url, fake.serviceRoleKey, { auth: noSession });
/** The database as a signed-in user, the way the browser adapter reaches PostgREST. */
const asUser = (token: string) =>
	createClient(fake.url, fake.anonKey, {
		auth: noSession,
		global: { headers: { authorization: `Bearer ${token}` } }
	});

/** Signs in through supabase-js as the browser adapter does; answers the session. */
async function signIn(email: string, password: string) {
	const { data, error } = await anonClient().auth.signInWithPassword({ email, password });
	if (error || !data.session) throw new Error(`sign-in failed: ${error?.message}`);
	return data.session;
}

type Handler = (event: never) => Promise<Response>;

/** Calls a route handler the way SvelteKit does (hooks leave `claims` null in Supabase mode). */
async function call(
	handler: Handler,
	options: {
		method: string;
		token?: string | null;
		body?: unknown;
		params?: Record<string, string>;
		path?: string;
	}
) {
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (options.token) headers.authorization = `Bearer ${options.token}`;
	const url = new URL(`http://127.0.0.1${options.path ?? '/api/accounts'}`);
	const request = new Request(url, {
		method: options.method,
		headers,
		body: options.body === undefined ? undefined : JSON.stringify(options.body)
	});
	const event = {
		request,
		url,
		params: options.params ?? {},
		locals: { claims: null },
		getClientAddress: () => '192.0.2.10'
	};
	const response = await handler(event as never);
	return {
		status: response.status,
		body: (await response.json()) as Record<string, unknown> & { error?: { code: string; message: string } }
	};
}

const patchAccount = (id: string, body: unknown) =>
	call(accountRoute.PATCH as Handler, { method: 'PATCH', token: hqToken, params: { id }, body });
const createAccount = (body: unknown, token: string) =>
	call(accountsRoute.POST as Handler, { method: 'POST', token, body });

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
	return db.asService(async (tx) => (await tx.query<T>(sql, params)).rows);
}

const auditSteps = (account: string) =>
	rows<{ step: string; actor: string }>(
		`select new ->> 'step' as step, actor::text as actor from public.audit_log
		 where table_name = 'accounts' and row_id = $1 order by id`,
		[account]
	);

beforeAll(async () => {
	opened = await openTestDatabase('pglite');
	db = opened.db;
	await createFixtures(db);
	// GoTrue's tables in schema auth: from here on our SQL sees Supabase Auth (auth_is_gotrue()).
	await db.asService((tx) => tx.exec(gotrueSchemaSql));
	fake = await startFakeSupabase(db);
	process.env.SUPABASE_URL = fake.url;
	process.env.SUPABASE_SERVICE_ROLE_KEY = fake.serviceRoleKey;
	process.env.SUPABASE_ANON_KEY = fake.anonKey;
	const admin = adminClient();
	await admin.auth.admin.updateUserById(ids.hq, { password: 'synthetic-hq-pass' });
	await admin.auth.admin.updateUserById(ids.staffA, { password: 'synthetic-staff-pass' });
	hqToken = (await signIn('synthetic-hq', 'synthetic-hq-pass')).access_token;
	staffToken = (await signIn('synthetic-staff-a', 'synthetic-staff-pass')).access_token;
}, 120_000);

afterAll(async () => {
	process.env = saved;
	await fake?.close();
	await opened?.close();
}, 30_000);

describe('the caller check', () => {
	test('no token: 401 with a message; a forged one: 401', async () => {
		const missing = await call(accountsRoute.GET as Handler, { method: 'GET', token: null });
		expect(missing.status).toBe(401);
		expect(missing.body.error?.message).toMatch(/Sign in first/);
		const forged = await call(accountsRoute.GET as Handler, { method: 'GET', token: 'eyJh.eyJz.c2ln' });
		expect(forged.status).toBe(401);
	});

	test('a staff account: 403 on every step, nothing created', async () => {
		const before = await rows('select id from auth.users');
		const list = await call(accountsRoute.GET as Handler, { method: 'GET', token: staffToken });
		expect(list.status).toBe(403);
		const create = await createAccount({ username: 'synthetic-by-staff', role: 'hq' }, staffToken);
		expect(create.status).toBe(403);
		expect(create.body.error?.message).toBe('Only HQ may do this');
		expect(await rows('select id from auth.users')).toHaveLength(before.length);
	});
});

describe('HQ', () => {
	let created: { id: string; username: string; password: string };

	test('lists every account with its shelter', async () => {
		const list = await call(accountsRoute.GET as Handler, { method: 'GET', token: hqToken });
		expect(list.status).toBe(200);
		const accounts = list.body.accounts as { username: string; shelter_name: string | null }[];
		expect(accounts.find((a) => a.username === 'synthetic-staff-a')?.shelter_name).toBe(
			'Synthetic shelter A'
		);
	});

	test('creates a staff account: a GoTrue user, its staff row, an audit row, a passphrase that signs in', async () => {
		const answer = await createAccount(
			{ username: 'synthetic-new', role: 'staff', shelter_id: shelterA },
			hqToken
		);
		expect(answer.status).toBe(201);
		created = answer.body as typeof created;
		expect(created.username).toBe('synthetic-new');
		expect(created.password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
		const [user] = await rows<{ email: string }>('select email from auth.users where id = $1', [created.id]);
		expect(user.email).toBe(accountEmail('synthetic-new'));
		const [staff] = await rows<{ role: string; shelter_id: string; kind: string }>(
			'select role, shelter_id, kind from public.staff where user_id = $1',
			[created.id]
		);
		expect(staff).toEqual({ role: 'staff', shelter_id: shelterA, kind: 'person' });
		expect(await auditSteps(created.id)).toContainEqual({ step: 'create', actor: ids.hq });
		// The browser adapter's sign-in (supabase-js), then RLS sees the new account's shelter.
		const session = await signIn(accountEmail('synthetic-new'), created.password);
		const asNew = asUser(session.access_token);
		expect((await asNew.rpc('my_shelter_id')).data).toBe(shelterA);
		expect((await asNew.rpc('is_hq')).data).toBe(false);
	});

	test('bad input: 400 with the schema message and nothing changed', async () => {
		const users = await rows('select id from auth.users');
		const audit = await rows('select id from public.audit_log');
		const bad = await createAccount({ username: 'No Spaces!', role: 'staff', shelter_id: shelterA }, hqToken);
		expect(bad.status).toBe(400);
		expect(bad.body.error?.message).toMatch(/username/);
		const noShelter = await createAccount({ username: 'synthetic-lost', role: 'staff' }, hqToken);
		expect(noShelter.status).toBe(400);
		expect(noShelter.body.error?.message).toMatch(/shelter_id/);
		expect(await rows('select id from auth.users')).toHaveLength(users.length);
		expect(await rows('select id from public.audit_log')).toHaveLength(audit.length);
	});

	test('a taken user name: 409; an unknown shelter: 404 and no half-made GoTrue user', async () => {
		const taken = await createAccount({ username: 'synthetic-new', role: 'hq' }, hqToken);
		expect(taken.status).toBe(409);
		const unknown = await createAccount(
			{ username: 'synthetic-nowhere', role: 'staff', shelter_id: 'synthetic-Z' },
			hqToken
		);
		expect(unknown.status).toBe(404);
		expect(
			await rows('select id from auth.users where email = $1', [accountEmail('synthetic-nowhere')])
		).toEqual([]);
	});

	test('disable bans the user, ends its sessions (refresh fails) and takes its shelter rights at once', async () => {
		const session = await signIn(accountEmail('synthetic-new'), created.password);
		const answer = await patchAccount(created.id, { disabled: true });
		expect(answer.status).toBe(200);
		const [user] = await rows<{ banned_until: Date }>('select banned_until from auth.users where id = $1', [
			created.id
		]);
		expect(new Date(user.banned_until).getTime()).toBeGreaterThan(Date.now() + 50 * 365 * 86_400_000);
		expect(disabledBan).toBe('876000h');
		expect(await rows('select id from auth.sessions where user_id = $1', [created.id])).toEqual([]);
		const refreshed = await anonClient().auth.refreshSession({ refresh_token: session.refresh_token });
		expect(refreshed.error).not.toBeNull();
		const again = await anonClient().auth.signInWithPassword({
			email: accountEmail('synthetic-new'),
			password: created.password
		});
		expect(again.error?.code).toBe('user_banned');
		// Its access token is still a valid JWT until it expires, but the database ignores the account.
		const asOld = asUser(session.access_token);
		expect((await asOld.rpc('my_shelter_id')).data).toBeNull();
		expect(await auditSteps(created.id)).toContainEqual({ step: 'disable', actor: ids.hq });
		const list = await call(accountsRoute.GET as Handler, { method: 'GET', token: hqToken });
		const row = (list.body.accounts as { id: string; disabled_at: string | null }[]).find(
			(a) => a.id === created.id
		);
		expect(row?.disabled_at).not.toBeNull();
	});

	test('enable lifts the ban; HQ cannot disable itself', async () => {
		const answer = await patchAccount(created.id, { disabled: false });
		expect(answer.status).toBe(200);
		expect(
			await rows('select 1 from auth.users where id = $1 and banned_until is null', [created.id])
		).toHaveLength(1);
		await signIn(accountEmail('synthetic-new'), created.password);
		const self = await patchAccount(ids.hq, { disabled: true });
		expect(self.status).toBe(400);
		expect(self.body.error?.message).toMatch(/own account/);
	});

	test('reset password: a new passphrase, the old one and its refresh tokens die, audited', async () => {
		const session = await signIn(accountEmail('synthetic-new'), created.password);
		const answer = await call(passwordRoute.POST as Handler, {
			method: 'POST',
			token: hqToken,
			params: { id: created.id },
			path: `/api/accounts/${created.id}/password`,
			body: {}
		});
		expect(answer.status).toBe(200);
		const issued = answer.body as { username: string; password: string };
		expect(issued.username).toBe('synthetic-new');
		expect(issued.password).not.toBe(created.password);
		const old = await anonClient().auth.signInWithPassword({
			email: accountEmail('synthetic-new'),
			password: created.password
		});
		expect(old.error?.code).toBe('invalid_credentials');
		expect(
			(await anonClient().auth.refreshSession({ refresh_token: session.refresh_token })).error
		).not.toBeNull();
		await signIn(accountEmail('synthetic-new'), issued.password);
		expect(await auditSteps(created.id)).toContainEqual({ step: 'reset_password', actor: ids.hq });
	});

	test('move to another shelter, audited; an unknown account is 404', async () => {
		const answer = await patchAccount(created.id, { shelter_id: shelterC });
		expect(answer.status).toBe(200);
		expect(
			await rows('select 1 from public.staff where user_id = $1 and shelter_id = $2', [created.id, shelterC])
		).toHaveLength(1);
		expect(await auditSteps(created.id)).toContainEqual({ step: 'move', actor: ids.hq });
		const unknown = await call(passwordRoute.POST as Handler, {
			method: 'POST',
			token: hqToken,
			params: { id: ids.nobody },
			body: {}
		});
		expect(unknown.status).toBe(404);
	});

	test('an enrollment code: made by HQ, works once, makes a device user bound to its shelter', async () => {
		const made = await call(codesRoute.POST as Handler, {
			method: 'POST',
			token: hqToken,
			path: '/api/accounts/enrollment-codes',
			body: { shelter_id: shelterA }
		});
		expect(made.status).toBe(201);
		const code = made.body as { id: string; code: string; url: string; qr_svg: string };
		expect(code.url).toMatch(/\/staff\?enroll=[A-Z2-9]{8}$/);
		expect(code.qr_svg).toMatch(/^<svg/);
		const enroll = (body: unknown) =>
			call(enrollRoute.POST as Handler, { method: 'POST', path: '/api/enroll', body });
		const attempts = async () =>
			(await rows(`select id from public.signin_attempts where username = '#enroll'`)).length;
		const users = (await rows('select id from auth.users')).length;
		const before = await attempts();
		const wrong = await enroll({ code: 'ZZZZ-ZZZZ' });
		expect(wrong.status).toBe(400);
		expect(wrong.body.error?.code).toBe('code_unknown');
		expect(await attempts()).toBe(before + 1);
		expect(await rows('select id from auth.users')).toHaveLength(users);

		const device = await enroll({ code: code.code });
		expect(device.status).toBe(201);
		const { username, password, shelter_id } = device.body as Record<string, string>;
		expect(shelter_id).toBe(shelterA);
		const session = await signIn(accountEmail(username), password);
		expect((await asUser(session.access_token).rpc('my_shelter_id')).data).toBe(shelterA);
		const [staff] = await rows<{ kind: string }>('select kind from public.staff where user_id = $1', [
			session.user.id
		]);
		expect(staff.kind).toBe('device');
		expect(await auditSteps(session.user.id)).toContainEqual({ step: 'enroll_device', actor: null });
		const again = await enroll({ code: code.code });
		expect(again.status).toBe(410);
		expect(again.body.error?.code).toBe('code_used');

		const list = await call(codesRoute.GET as Handler, { method: 'GET', token: hqToken });
		const listed = (list.body.codes as { id: string; device: string | null }[]).find((c) => c.id === code.id);
		expect(listed?.device).toBe(session.user.id);
		const staffCodes = await call(codesRoute.GET as Handler, { method: 'GET', token: staffToken });
		expect(staffCodes.status).toBe(403);
	});
});

describe('least privilege on Supabase', () => {
	test('HQ cannot write password hashes into GoTrue users through SQL', async () => {
		const asHq = asUser(hqToken);
		const hash = `scrypt$32768$8$1$${'A'.repeat(22)}$${'A'.repeat(43)}`;
		const create = await asHq.rpc('hq_create_account', {
			username: 'synthetic-sql',
			password_hash: hash,
			app_role: 'hq',
			shelter: null
		});
		expect(create.error?.code).toBe('42501');
		const reset = await asHq.rpc('hq_reset_password', { account: ids.staffA, password_hash: hash });
		expect(reset.error?.code).toBe('42501');
		// The server's own steps are not callable with a user's token, not even HQ's.
		const link = await asHq.rpc('platform_link_account', {
			actor: ids.hq,
			account: ids.nobody,
			app_role: 'hq',
			shelter: null
		});
		expect(link.error?.code).toBe('42501');
	});

	test('the service-role key is read by the server only, never a PUBLIC_ variable', async () => {
		const { readdirSync, readFileSync } = await import('node:fs');
		expect(readFileSync('src/env.ts', 'utf8')).not.toMatch(/SERVICE_ROLE/);
		const users = readdirSync('src', { recursive: true, encoding: 'utf8' })
			.map((file) => `src/${file}`)
			.filter((file) => /\.(ts|js|svelte)$/.test(file))
			.filter((file) => readFileSync(file, 'utf8').includes('SUPABASE_SERVICE_ROLE_KEY'));
		expect(users.length).toBeGreaterThan(0);
		expect(users.every((file) => file.startsWith('src/lib/server/') || file === 'src/hooks.server.ts')).toBe(
			true
		);
	});
});

describe('Supabase mode of the server', () => {
	test('is on with the service-role key only, and then needs the URL and the anon key', async () => {
		const { supabaseAdminConfig } = await import('#lib/server/supabase-admin/config.ts');
		expect(
			supabaseAdminConfig({ PUBLIC_SUPABASE_URL: 'https://x.example', PUBLIC_SUPABASE_ANON_KEY: 'a' })
		).toBeNull();
		expect(() => supabaseAdminConfig({ SUPABASE_SERVICE_ROLE_KEY: 's' })).toThrow(/SUPABASE_URL/);
		expect(
			supabaseAdminConfig({
				SUPABASE_SERVICE_ROLE_KEY: 's',
				PUBLIC_SUPABASE_URL: 'https://x.example',
				PUBLIC_SUPABASE_ANON_KEY: 'a'
			})
		).toEqual({ url: 'https://x.example', serviceRoleKey: 's', anonKey: 'a' });
	});
});
