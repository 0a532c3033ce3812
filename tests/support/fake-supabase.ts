/**
 * A FAKE of the hosted Supabase services, on 127.0.0.1, for tests only. Supabase Auth (GoTrue)
 * and the hosted API gateway cannot run on this machine (the Supabase CLI's local stack needs
 * Docker), so this server answers just the HTTP calls supabase-js makes in our account steps:
 *
 *   GoTrue  GET /auth/v1/user · POST /auth/v1/token?grant_type=password|refresh_token ·
 *           POST /auth/v1/logout · POST /auth/v1/admin/users · PUT|DELETE /auth/v1/admin/users/:id
 *   PostgREST  POST /rest/v1/rpc/:fn (named arguments; the service-role key runs as service_role,
 *           a user's access token as `authenticated` with its claims, as PostgREST does)
 *
 * State lives in the PGlite database the test opened with our real shim and migrations, the way
 * GoTrue keeps it in the project's database: users in auth.users, sessions in auth.sessions and
 * refresh tokens in auth.refresh_tokens (GoTrue-shaped tables this fake adds; their presence is
 * what tells our SQL it runs on Supabase). It models GoTrue's rules our code relies on — a user's
 * access token is checked against its session on /user, a banned user can neither sign in nor
 * refresh, a deleted session's refresh tokens die — and nothing else (no e-mail, no MFA, no
 * rate limits, bans are only "until"). What only a real Supabase project can confirm is listed in
 * docs/database.md ("Supabase mode: accounts").
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '#lib/server/db/types.ts';

/** GoTrue's own tables, reduced to the columns this fake uses. */
export const gotrueSchemaSql = `
	alter table auth.users add column if not exists banned_until timestamptz;
	create table if not exists auth.sessions (
		id uuid primary key default gen_random_uuid(),
		user_id uuid not null references auth.users (id) on delete cascade,
		created_at timestamptz not null default now()
	);
	create table if not exists auth.refresh_tokens (
		id bigserial primary key,
		token text not null unique,
		user_id uuid not null references auth.users (id) on delete cascade,
		session_id uuid not null references auth.sessions (id) on delete cascade,
		revoked boolean not null default false
	);`;

const b64 = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export interface FakeSupabase {
	url: string;
	anonKey: string;
	serviceRoleKey: string;
	/** Every request the fake answered, as "METHOD path" (to prove what was called). */
	calls: string[];
	close(): Promise<void>;
}

class HttpFailure extends Error {
	readonly status: number;
	readonly body: Record<string, unknown>;
	constructor(status: number, body: Record<string, unknown>) {
		super(String(body.msg ?? body.message));
		this.status = status;
		this.body = body;
	}
}

const authError = (status: number, code: string, msg: string) =>
	new HttpFailure(status, { code, error_code: code, msg });

function hashPassword(password: string): string {
	return `fake-gotrue$${createHash('sha256').update(password).digest('hex')}`;
}

/** Go durations as GoTrue parses ban_duration: only hours, minutes and seconds are needed here. */
function banUntil(duration: string): Date | null {
	if (duration === 'none') return null;
	const match = /^(\d+)(h|m|s)$/.exec(duration);
	if (!match) throw authError(400, 'validation_failed', 'invalid format for ban duration');
	const ms = Number(match[1]) * { h: 3_600_000, m: 60_000, s: 1000 }[match[2] as 'h' | 'm' | 's'];
	return new Date(Date.now() + ms);
}

interface UserRow {
	id: string;
	email: string;
	encrypted_password: string | null;
	raw_app_meta_data: Record<string, unknown>;
	banned_until: string | Date | null;
	created_at: string | Date;
}

function userJson(row: UserRow) {
	return {
		id: row.id,
		aud: 'authenticated',
		role: 'authenticated',
		email: row.email,
		app_metadata: row.raw_app_meta_data,
		user_metadata: {},
		banned_until: row.banned_until ? new Date(row.banned_until).toISOString() : undefined,
		created_at: new Date(row.created_at).toISOString()
	};
}

const banned = (row: UserRow) => row.banned_until !== null && new Date(row.banned_until) > new Date();

export async function startFakeSupabase(db: Database): Promise<FakeSupabase> {
	const secret = randomBytes(32);
	const sign = (payload: Record<string, unknown>) => {
		const head = `${b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64(JSON.stringify(payload))}`;
		return `${head}.${b64(createHmac('sha256', secret).update(head).digest())}`;
	};
	const now = () => Math.floor(Date.now() / 1000);
	const anonKey = sign({ role: 'anon', iat: now() });
	const serviceRoleKey = sign({ role: 'service_role', iat: now() });
	const calls: string[] = [];

	function verify(token: string): Record<string, unknown> | null {
		const [head, body, mac] = token.split('.');
		if (!mac || b64(createHmac('sha256', secret).update(`${head}.${body}`).digest()) !== mac) return null;
		const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
		return typeof claims.exp === 'number' && claims.exp < now() ? null : claims;
	}

	const bearer = (req: IncomingMessage) => /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';

	function requireAdmin(req: IncomingMessage) {
		if (bearer(req) !== serviceRoleKey) throw authError(403, 'not_admin', 'User not allowed');
	}

	const service = <T>(fn: (q: <R>(sql: string, params?: unknown[]) => Promise<R[]>) => Promise<T>) =>
		db.asService((tx) => fn(async (sql, params) => (await tx.query(sql, params)).rows as never));

	const userColumns =
		'id::text as id, email, encrypted_password, raw_app_meta_data, banned_until, created_at';

	async function userById(id: string): Promise<UserRow> {
		const rows = await service((q) =>
			q<UserRow>(`select ${userColumns} from auth.users where id::text = $1`, [id])
		);
		if (!rows[0]) throw authError(404, 'user_not_found', 'User not found');
		return rows[0];
	}

	async function issueSession(user: UserRow, sessionId?: string) {
		const session =
			sessionId ??
			(
				await service((q) =>
					q<{ id: string }>('insert into auth.sessions (user_id) values ($1) returning id::text as id', [
						user.id
					])
				)
			)[0].id;
		const refresh = randomBytes(16).toString('hex');
		await service((q) =>
			q('insert into auth.refresh_tokens (token, user_id, session_id) values ($1, $2, $3)', [
				refresh,
				user.id,
				session
			])
		);
		const exp = now() + 3600;
		return {
			access_token: sign({
				sub: user.id,
				role: 'authenticated',
				aud: 'authenticated',
				session_id: session,
				email: user.email,
				iat: now(),
				exp
			}),
			token_type: 'bearer',
			expires_in: 3600,
			expires_at: exp,
			refresh_token: refresh,
			user: userJson(user)
		};
	}

	async function auth(
		req: IncomingMessage,
		path: string,
		query: URLSearchParams,
		body: Record<string, unknown>
	) {
		const adminUser = /^\/admin\/users\/([0-9a-f-]{36})$/.exec(path);
		if (path === '/user' && req.method === 'GET') {
			const claims = verify(bearer(req));
			if (!claims?.sub) throw authError(403, 'bad_jwt', 'invalid JWT');
			const live = await service((q) =>
				q('select 1 from auth.sessions where id::text = $1', [claims.session_id])
			);
			if (!live.length)
				throw authError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
			return userJson(await userById(String(claims.sub)));
		}
		if (path === '/token' && query.get('grant_type') === 'password') {
			const rows = await service((q) =>
				q<UserRow>(`select ${userColumns} from auth.users where email = $1`, [body.email])
			);
			const user = rows[0];
			if (!user || user.encrypted_password !== hashPassword(String(body.password)))
				throw authError(400, 'invalid_credentials', 'Invalid login credentials');
			if (banned(user)) throw authError(400, 'user_banned', 'User is banned');
			return issueSession(user);
		}
		if (path === '/token' && query.get('grant_type') === 'refresh_token') {
			const rows = await service((q) =>
				q<{ user_id: string; session_id: string }>(
					'update auth.refresh_tokens set revoked = true where token = $1 and not revoked returning user_id::text, session_id::text',
					[body.refresh_token]
				)
			);
			if (!rows[0])
				throw authError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
			const user = await userById(rows[0].user_id);
			if (banned(user)) throw authError(400, 'user_banned', 'User is banned');
			return issueSession(user, rows[0].session_id);
		}
		if (path === '/logout') {
			const claims = verify(bearer(req));
			if (!claims?.sub) throw authError(403, 'bad_jwt', 'invalid JWT');
			await service((q) => q('delete from auth.sessions where user_id::text = $1', [claims.sub]));
			return null;
		}
		if (path === '/admin/users' && req.method === 'POST') {
			requireAdmin(req);
			const exists = await service((q) => q('select 1 from auth.users where email = $1', [body.email]));
			if (exists.length)
				throw authError(422, 'email_exists', 'A user with this email address has already been registered');
			const rows = await service((q) =>
				q<UserRow>(
					`insert into auth.users (email, encrypted_password, raw_app_meta_data) values ($1, $2, $3::jsonb) returning ${userColumns}`,
					[
						body.email,
						body.password ? hashPassword(String(body.password)) : null,
						JSON.stringify(body.app_metadata ?? {})
					]
				)
			);
			return userJson(rows[0]);
		}
		if (adminUser && req.method === 'PUT') {
			requireAdmin(req);
			await userById(adminUser[1]);
			if (typeof body.password === 'string')
				await service((q) =>
					q('update auth.users set encrypted_password = $2 where id::text = $1', [
						adminUser[1],
						hashPassword(String(body.password))
					])
				);
			if (typeof body.ban_duration === 'string') {
				const until = banUntil(body.ban_duration);
				await service((q) =>
					q('update auth.users set banned_until = $2 where id::text = $1', [adminUser[1], until])
				);
			}
			return userJson(await userById(adminUser[1]));
		}
		if (adminUser && req.method === 'DELETE') {
			requireAdmin(req);
			const user = await userById(adminUser[1]);
			await service((q) => q('delete from auth.users where id::text = $1', [adminUser[1]]));
			return userJson(user);
		}
		throw authError(404, 'not_found', `fake GoTrue has no ${req.method} ${path}`);
	}

	async function rest(req: IncomingMessage, path: string, body: Record<string, unknown>) {
		const fn = /^\/rpc\/([a-z_][a-z0-9_]*)$/.exec(path)?.[1];
		if (!fn || req.method !== 'POST')
			throw new HttpFailure(404, { code: 'PGRST202', message: `fake PostgREST has no ${path}` });
		const token = bearer(req);
		let role = 'service_role';
		let claims: Record<string, unknown> = { role };
		if (token !== serviceRoleKey) {
			const verified = verify(token);
			if (!verified || verified.role !== 'authenticated')
				throw new HttpFailure(401, { code: 'PGRST301', message: 'JWT invalid or expired' });
			role = 'authenticated';
			claims = verified;
		}
		const names = Object.keys(body);
		if (!names.every((name) => /^[a-z_][a-z0-9_]*$/.test(name)))
			throw new HttpFailure(400, { code: 'PGRST100', message: 'bad argument' });
		const values = names.map((name) => {
			const value = body[name];
			return value === null || typeof value !== 'object' ? value : JSON.stringify(value);
		});
		try {
			const rows = await db.asService(async (tx) => {
				await tx.query("select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)", [
					role,
					JSON.stringify(claims)
				]);
				const args = names.map((name, i) => `${name} => $${i + 1}`).join(', ');
				return (await tx.query<{ r: unknown }>(`select public.${fn}(${args}) as r`, values)).rows;
			});
			const r = rows[0]?.r;
			return r === '' || r === undefined ? null : r;
		} catch (error) {
			const pg = error as { code?: string; message: string };
			throw new HttpFailure(pg.code === '42501' ? 403 : 400, {
				code: pg.code,
				message: pg.message,
				details: null,
				hint: null
			});
		}
	}

	async function handle(req: IncomingMessage, res: ServerResponse) {
		const url = new URL(req.url ?? '/', 'http://fake');
		calls.push(`${req.method} ${url.pathname}`);
		let text = '';
		for await (const chunk of req) text += chunk;
		try {
			const key = req.headers.apikey;
			if (key !== anonKey && key !== serviceRoleKey)
				throw new HttpFailure(401, { message: 'Invalid API key' });
			const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
			let answer: unknown;
			if (url.pathname.startsWith('/auth/v1/'))
				answer = await auth(req, url.pathname.slice(8), url.searchParams, body);
			else if (url.pathname.startsWith('/rest/v1/')) answer = await rest(req, url.pathname.slice(8), body);
			else throw new HttpFailure(404, { message: 'no such service' });
			if (answer === null && url.pathname === '/auth/v1/logout') {
				res.writeHead(204).end();
				return;
			}
			res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
		} catch (error) {
			const failure = error instanceof HttpFailure ? error : new HttpFailure(500, { message: String(error) });
			res.writeHead(failure.status, { 'content-type': 'application/json' }).end(JSON.stringify(failure.body));
		}
	}

	const server: Server = createServer((req, res) => void handle(req, res));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		anonKey,
		serviceRoleKey,
		calls,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
