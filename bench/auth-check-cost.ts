/**
 * What the issue-18 auth changes cost per request, each against its own baseline in the same run
 * (the machine is shared: absolute times are noisy, ratios less so):
 *   1. the session-version check (SQL, first statement of every caller transaction) — a caller
 *      transaction with today's setup statement against the same with the pre-issue-18 one;
 *   2. the synchronous HS256 verifier against jose's jwtVerify (WebCrypto on the thread pool);
 *   3. (issue 16) the live streams' periodic session re-check and the database sign-in limiter.
 * Embedded PGlite in memory with the real migrations and one synthetic account.
 */
import { performance } from 'node:perf_hooks';
import { jwtVerify } from 'jose';
import { saveAccount } from '../src/lib/server/auth/accounts.ts';
import { DbSignInGuard } from '../src/lib/server/auth/db-guard.ts';
import { signAccessToken, verifyAccessToken } from '../src/lib/server/auth/jwt.ts';
import { openDatabase } from '../src/lib/server/db/index.ts';
import { callerParams, setCallerSql } from '../src/lib/server/db/session.ts';
import { reportFigure } from './report.ts';

const withoutCheckSql = "select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)";
const requestSql = 'select count(*)::int as n from public.shelters';

const db = await openDatabase({ driver: 'pglite', dataDir: 'memory://', seed: false });
await db.asService((tx) =>
	tx.query(
		`insert into public.shelters (id, name, address, kind, lon, lat) values ('synthetic-1', 'synthetic', '', 'shelter', 139.57, 35.63)`
	)
);
const { id } = await saveAccount(db, {
	username: 'synthetic-bench',
	password: 'a synthetic bench passphrase',
	role: 'staff',
	shelterId: 'synthetic-1'
});
const secret = new TextEncoder().encode('bench-secret-'.repeat(4));
const { token } = signAccessToken(secret, {
	userId: id,
	username: 'synthetic-bench',
	appRole: 'staff',
	shelterId: 'synthetic-1'
});
const params = callerParams(verifyAccessToken(secret, token));

async function transactions(setupSql: string, n: number): Promise<number> {
	const start = performance.now();
	for (let i = 0; i < n; i++) {
		await db.asService(async (tx) => {
			await tx.query(setupSql, params);
			await tx.query(requestSql);
		});
	}
	return ((performance.now() - start) * 1000) / n;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
// Alternating rounds, so a neighbour's load hits both sides alike.
await transactions(setCallerSql, 300);
const without: number[] = [];
const withCheck: number[] = [];
for (let round = 0; round < 8; round++) {
	without.push(await transactions(withoutCheckSql, 400));
	withCheck.push(await transactions(setCallerSql, 400));
}
const base = median(without);
const checked = median(withCheck);
reportFigure({
	name: 'caller transaction without session check',
	value: Math.round(base),
	unit: 'µs',
	target: '',
	pass: null
});
reportFigure({
	name: 'caller transaction with session check',
	value: Math.round(checked),
	unit: 'µs',
	target: '',
	pass: null
});
reportFigure({
	name: 'session check cost ratio (with / without)',
	value: Number((checked / base).toFixed(3)),
	unit: '×',
	target: '≤ 1.25×',
	pass: checked / base <= 1.25,
	note: `+${Math.round(checked - base)} µs per request (median of 8 × 400)`
});

async function perToken(verify: () => unknown, n: number): Promise<number> {
	const start = performance.now();
	for (let i = 0; i < n; i++) await verify();
	return ((performance.now() - start) * 1000) / n;
}
const key = secret;
const options = { algorithms: ['HS256'], issuer: 'bosai-map', audience: 'authenticated' };
const joseTimes: number[] = [];
const syncTimes: number[] = [];
for (let round = 0; round < 5; round++) {
	joseTimes.push(await perToken(() => jwtVerify(token, key, options), 2000));
	syncTimes.push(await perToken(() => verifyAccessToken(secret, token), 2000));
}
const joseUs = median(joseTimes);
const syncUs = median(syncTimes);
reportFigure({
	name: 'token verify, jose (WebCrypto)',
	value: Number(joseUs.toFixed(1)),
	unit: 'µs',
	target: '',
	pass: null
});
reportFigure({
	name: 'token verify, synchronous HMAC',
	value: Number(syncUs.toFixed(1)),
	unit: 'µs',
	target: '',
	pass: null
});
reportFigure({
	name: 'token verify speed-up (jose / synchronous)',
	value: Number((joseUs / syncUs).toFixed(2)),
	unit: '×',
	target: '',
	pass: null,
	note: 'and the synchronous one never queues behind scrypt on the thread pool'
});

// Issue 16: the live streams' session re-check (session-watch.ts: one query per 2 s over the
// accounts of the open signed-in streams) and the database sign-in limiter (admit + settle).
const streamAccounts = await db.asService(async (tx) => {
	const made: string[] = [id];
	for (let i = 0; i < 199; i++) {
		const row = await tx.query<{ id: string }>(
			`insert into auth.users (email) values ($1) returning id::text as id`,
			[`synthetic-stream-${i}`]
		);
		made.push(row.rows[0].id);
	}
	return made;
});
const watchTimes: number[] = [];
for (let round = 0; round < 5; round++) {
	const start = performance.now();
	for (let i = 0; i < 50; i++) {
		await db.asService((tx) =>
			tx.query(
				`select u.id::text as id, coalesce(v.version, 0) as version from auth.users as u
				 left join public.session_versions as v on v.user_id = u.id where u.id = any($1::uuid[])`,
				[streamAccounts]
			)
		);
	}
	watchTimes.push(((performance.now() - start) * 1000) / 50);
}
const watchUs = median(watchTimes);
reportFigure({
	name: 'live session re-check, 200 signed-in streams (one query per 2 s)',
	value: Math.round(watchUs),
	unit: 'µs',
	target: '',
	pass: null,
	note: `${((watchUs / 2_000_000) * 100).toFixed(3)} % of one core`
});
const guard = new DbSignInGuard(db);
const admitTimes: number[] = [];
for (let round = 0; round < 5; round++) {
	const start = performance.now();
	for (let i = 0; i < 100; i++) {
		const admission = await guard.admit(`synthetic-limit-${round}`, `192.0.2.${i}`);
		if (admission.ok) await admission.ticket.settle('unchecked');
	}
	admitTimes.push(((performance.now() - start) * 1000) / 100);
}
reportFigure({
	name: 'sign-in limit in the database (admit + settle)',
	value: Math.round(median(admitTimes)),
	unit: 'µs',
	target: '',
	pass: null,
	note: 'per sign-in; nothing per signed-in request'
});
await db.close();
