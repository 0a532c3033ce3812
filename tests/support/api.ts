/**
 * Helpers for API tests: accounts made with the real users CLI, sign-in over HTTP, JSON calls, and
 * a live (SSE) subscriber built on the app's own fetch-based reader.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readLive } from '#lib/backend/live-reader.ts';
import type { LiveEvent, LiveState, Topic } from '#lib/backend/port.ts';
import type { ReportInput } from '#lib/domain/report.ts';

export interface TestAccount {
	username: string;
	password: string;
}
export interface TestStaffAccount extends TestAccount {
	shelter_id: string;
}
export interface TestAccounts {
	hq: TestAccount;
	staffA: TestStaffAccount;
	staffB: TestStaffAccount;
}

const node = process.execPath;
const usersCli = resolve('scripts/users.ts');

/**
 * Extra environment for the users CLI and the server of this test run (DATABASE_URL in the
 * PostgreSQL project); set once by the global setup.
 */
export const databaseEnv: Record<string, string> = {};

/** Runs `npm run users -- …` (the script itself, same Node) against a data dir (or databaseEnv's database). */
export function usersCliRun(dataDir: string, args: string[], password?: string) {
	const env: Record<string, string> = {
		...(process.env as Record<string, string>),
		BOSAI_DATA_DIR: dataDir,
		...databaseEnv
	};
	if (password !== undefined) env.BOSAI_PASSWORD = password;
	else delete env.BOSAI_PASSWORD;
	const run = spawnSync(node, [usersCli, ...args], { env, encoding: 'utf8', stdio: 'pipe' });
	return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export function randomPassword(): string {
	return randomBytes(18).toString('base64url');
}

export function addAccount(
	dataDir: string,
	username: string,
	role: 'hq' | 'staff',
	shelterId?: string
): TestAccount {
	const password = randomPassword();
	const args = ['add', username, '--role', role, ...(shelterId ? ['--shelter', shelterId] : [])];
	const run = usersCliRun(dataDir, args, password);
	if (run.status !== 0) throw new Error(`users ${args.join(' ')} failed: ${run.stderr}${run.stdout}`);
	return { username, password };
}

/**
 * Two real shelters for staff accounts: the first two 指定避難所 of the importer's output
 * (data/out/komae/shelters.json), else the first two the database holds.
 */
export function pickShelters(dataDir: string): [string, string] {
	const file = resolve('data/out/komae/shelters.json');
	if (existsSync(file)) {
		const data = JSON.parse(readFileSync(file, 'utf8')) as {
			shelters: { id: string; kind: string; inside_city: boolean }[];
		};
		const ids = data.shelters.filter((s) => s.kind !== 'emergency_site' && s.inside_city).map((s) => s.id);
		if (ids.length >= 2) return [ids[0], ids[1]];
	}
	const run = usersCliRun(dataDir, ['shelters']);
	const ids = run.stdout
		.split('\n')
		.filter(Boolean)
		.map((line) => line.split('\t')[0]);
	if (ids.length < 2) throw new Error(`need two shelters in the database, found ${ids.length}`);
	return [ids[0], ids[1]];
}

/** Accounts of the e2e server: one HQ and staff of two real shelters, random passwords. */
export function createTestAccounts(dataDir: string): TestAccounts {
	const suffix = randomBytes(3).toString('hex');
	const hq = addAccount(dataDir, `test-hq-${suffix}`, 'hq');
	const [a, b] = pickShelters(dataDir);
	const staffA = { ...addAccount(dataDir, `test-staff-a-${suffix}`, 'staff', a), shelter_id: a };
	const staffB = { ...addAccount(dataDir, `test-staff-b-${suffix}`, 'staff', b), shelter_id: b };
	return { hq, staffA, staffB };
}

export interface TokenAnswer {
	access_token: string;
	expires_in: number;
	expires_at: number;
	role: 'hq' | 'staff';
	shelter_id: string | null;
}

export async function signIn(baseURL: string, account: TestAccount): Promise<TokenAnswer> {
	const response = await fetch(`${baseURL}/api/auth/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username: account.username, password: account.password })
	});
	if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
	return (await response.json()) as TokenAnswer;
}

export interface CallResult<T = unknown> {
	status: number;
	body: T;
	headers: Headers;
}

/** A JSON call; `body` may be a string to send raw (bad-JSON tests). */
export async function call<T = unknown>(
	baseURL: string,
	method: string,
	path: string,
	options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}
): Promise<CallResult<T>> {
	const headers: Record<string, string> = { ...options.headers };
	if (options.token) headers.authorization = `Bearer ${options.token}`;
	let body: string | undefined;
	if (options.body !== undefined) {
		body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
		headers['content-type'] ??= 'application/json';
	}
	const response = await fetch(baseURL + path, { method, headers, body });
	const text = await response.text();
	let parsed: unknown = text;
	try {
		parsed = text ? JSON.parse(text) : null;
	} catch {
		// keep the text
	}
	return { status: response.status, body: parsed as T, headers: response.headers };
}

export function reportFor(shelterId: string, overrides: Partial<ReportInput> = {}): ReportInput {
	return {
		client_id: randomUUID(),
		shelter_id: shelterId,
		status: 'open',
		evacuees: 12,
		crowding: 'vacant',
		needs: ['water'],
		note: 'synthetic test report',
		reported_at: new Date().toISOString(),
		...overrides
	};
}

/** A live subscriber collecting events; `waitFor` resolves when a matching event arrives. */
export function liveSubscriber(
	baseURL: string,
	topics: Topic[],
	options: { token?: string; lastEventId?: string | null } = {}
) {
	const events: LiveEvent[] = [];
	const states: LiveState[] = [];
	const errors: { status: number; code: string }[] = [];
	const waiters: { match: (e: LiveEvent) => boolean; done: (e: LiveEvent) => void }[] = [];
	const stop = readLive({
		url: `${baseURL}/api/live`,
		topics,
		lastEventId: options.lastEventId ?? null,
		headers: (): Record<string, string> =>
			options.token ? { authorization: `Bearer ${options.token}` } : {},
		onEvent: (event) => {
			events.push(event);
			for (const waiter of waiters.splice(0)) {
				if (waiter.match(event)) waiter.done(event);
				else waiters.push(waiter);
			}
		},
		onState: (state) => states.push(state),
		onError: (error) => errors.push({ status: error.status, code: error.code })
	});
	return {
		events,
		states,
		errors,
		stop,
		waitFor(match: (e: LiveEvent) => boolean, timeoutMs = 10_000): Promise<LiveEvent> {
			const seen = events.find(match);
			if (seen) return Promise.resolve(seen);
			return new Promise((resolveEvent, reject) => {
				const timer = setTimeout(() => reject(new Error('live event did not arrive')), timeoutMs);
				waiters.push({
					match,
					done: (e) => {
						clearTimeout(timer);
						resolveEvent(e);
					}
				});
			});
		},
		async waitForState(state: LiveState, timeoutMs = 10_000) {
			const deadline = Date.now() + timeoutMs;
			while (!states.includes(state)) {
				if (Date.now() > deadline) throw new Error(`live state ${state} not reached: ${states.join(',')}`);
				await new Promise((r) => setTimeout(r, 20));
			}
		}
	};
}

/** Bearer tokens of the e2e server's three test accounts. */
export async function signInAll(
	baseURL: string,
	accounts: TestAccounts
): Promise<{ hq: string; staffA: string; staffB: string }> {
	const [hq, staffA, staffB] = await Promise.all(
		[accounts.hq, accounts.staffA, accounts.staffB].map(async (a) => (await signIn(baseURL, a)).access_token)
	);
	return { hq, staffA, staffB };
}
