/**
 * Issue 18 (Hardening), findings H2 and M3 on the live path, on a real PGlite with the real
 * migrations (RLS included) and the real hub and session code:
 * - H2: anonymous replays of public topics come from the hub's memory (no database read), deep
 *   ones get one `resync`; database replays (authenticated callers) wait behind writes on PGlite's
 *   queue and at most `maxConcurrentReplayReads` of them read at once.
 * - M3: a hidden shelter's old `shelters` messages are never replayed from memory to anonymous
 *   callers; HQ (database path, RLS) still gets them.
 * The counting wrapper around the Database only counts calls and passes them on: nothing is mocked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#lib/server/db/index.ts';
import type { Claims, Database } from '#lib/server/db/types.ts';
import { LiveHub } from '#lib/server/live/hub.ts';
import { maxAnonymousReplay } from '#lib/server/live/public-replay.ts';
import { maxConcurrentReplayReads } from '#lib/server/live/session.ts';
import { openLiveStream } from '#lib/server/live/web-stream.ts';
import { claimsOf, createFixtures, shelterA, shelterC } from './db-fixtures.ts';

let db: Database;

beforeAll(async () => {
	db = await openDatabase({ driver: 'pglite', dataDir: 'memory://', seed: false });
	await createFixtures(db);
}, 60_000);

afterAll(async () => {
	await db?.close();
});

/** Passes every call on to `inner`; counts them and the background ones in flight. */
function counting(inner: Database) {
	const stats = { calls: 0, inFlight: 0, maxInFlight: 0 };
	const track = <T>(run: () => Promise<T>): Promise<T> => {
		stats.calls += 1;
		stats.inFlight += 1;
		stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
		return run().finally(() => (stats.inFlight -= 1));
	};
	const db: Database = {
		asUser: (claims, fn, options) => track(() => inner.asUser(claims, fn, options)),
		asService: (fn, options) => track(() => inner.asService(fn, options)),
		onRealtime: (listener) => inner.onRealtime(listener),
		close: () => inner.close()
	};
	return { db, stats };
}

async function headId(): Promise<number> {
	const result = await db.asService((tx) =>
		tx.query<{ id: number }>('select coalesce(max(id), 0)::int as id from realtime.messages')
	);
	return result.rows[0].id;
}

/** A hub as the server starts it: loaded from the database, fed by onRealtime. */
async function startedHub(): Promise<{ hub: LiveHub; stop: () => void }> {
	const hub = new LiveHub(0, 60_000);
	await hub.load(db);
	const unlisten = db.onRealtime((message) => hub.publish(message));
	return {
		hub,
		stop() {
			unlisten();
			hub.close();
		}
	};
}

/** The stream's text until everything up to `head` was sent (a frame with id `head`). */
async function replayText(
	database: Database,
	hub: LiveHub,
	claims: Claims | null,
	topics: string[],
	after: number
): Promise<string> {
	const head = hub.lastId;
	const response = openLiveStream({ db: database, hub, claims, topics, after });
	const reader = response.body!.getReader();
	let text = '';
	while (!new RegExp(`^id: ${head}$[^]*?\\n\\n`, 'm').test(text)) {
		const { value, done } = await reader.read();
		if (done) break;
		text += new TextDecoder().decode(value);
	}
	await reader.cancel();
	return text;
}

const sendStatus = (shelterId: string, count: number) =>
	db.asService((tx) =>
		tx.query(
			`select realtime.send(jsonb_build_object('shelter_id', $1::text, 'n', n), 'status', 'shelters', false)
			   from generate_series(1, $2::int) as n`,
			[shelterId, count]
		)
	);

describe('H2: anonymous live replays do not reach the database', () => {
	it('a deep anonymous replay (≈3,000 public messages) is one resync from memory, a short one is replayed from memory, neither reads the database', async () => {
		const first = (await headId()) + 1;
		await sendStatus(shelterC, 1500);
		await db.asService((tx) =>
			tx.query(`select realtime.send(jsonb_build_object('n', n), 'alert', 'alerts', false)
				from generate_series(1, 1500) as n`)
		);
		const { hub, stop } = await startedHub();
		// Messages that arrive after the start are kept too.
		await sendStatus(shelterC, 5);
		const head = await headId();
		expect(hub.lastId).toBe(head);
		const { db: watched, stats } = counting(db);

		const deep = await replayText(watched, hub, null, ['shelters', 'alerts'], first);
		expect(deep).toContain('event: resync');
		expect(deep).not.toContain('event: status');

		const recent = await replayText(watched, hub, null, ['shelters', 'alerts'], head - 10);
		expect(recent).not.toContain('resync');
		const ids = [...recent.matchAll(/^id: (\d+)\nevent: (status|alert)$/gm)].map((m) => Number(m[1]));
		expect(ids).toEqual(Array.from({ length: 10 }, (_, i) => head - 9 + i));

		const limit = await replayText(watched, hub, null, ['shelters', 'alerts'], head - maxAnonymousReplay - 1);
		expect(limit).toContain('event: resync');
		const justEnough = await replayText(
			watched,
			hub,
			null,
			['shelters', 'alerts'],
			head - maxAnonymousReplay
		);
		expect(justEnough).not.toContain('resync');
		expect(justEnough.match(/^event: (status|alert)$/gm)).toHaveLength(maxAnonymousReplay);
		expect(stats.calls).toBe(0);
		stop();
	});

	it('replay reads in the background lane wait behind writes on the PGlite queue, yet are not starved', async () => {
		const order: string[] = [];
		const read = (name: string) =>
			db
				.asUser(null, (tx) => tx.query('select 1'), { priority: 'background' })
				.then(() => void order.push(name));
		const write = (name: string) =>
			db
				.asService((tx) => tx.query(`select count(*) from public.shelters`))
				.then(() => void order.push(name));
		const tasks = [read('r0'), read('r1'), read('r2'), write('w0')];
		for (let i = 1; i <= 20; i++) tasks.push(write(`w${i}`));
		await Promise.all(tasks);
		// r0 was already running; every write waiting then goes before r1, except that a background
		// task gets a turn after a burst of foreground ones.
		expect(order[0]).toBe('r0');
		expect(order[1]).toBe('w0');
		const r1 = order.indexOf('r1');
		expect(r1).toBeGreaterThan(1);
		expect(r1).toBeLessThanOrEqual(10);
	});

	it(`at most ${maxConcurrentReplayReads} authenticated replays read the database at once`, async () => {
		const { hub, stop } = await startedHub();
		const before = hub.lastId;
		await db.asService((tx) =>
			tx.query(`select realtime.send('{}'::jsonb, 'note', 'hq', true) from generate_series(1, 30)`)
		);
		const { db: watched, stats } = counting(db);
		const texts = await Promise.all(
			Array.from({ length: 8 }, () => replayText(watched, hub, claimsOf('hq'), ['hq'], before))
		);
		for (const text of texts) expect(text.match(/^event: note$/gm)).toHaveLength(30);
		expect(stats.calls).toBeGreaterThanOrEqual(8);
		expect(stats.maxInFlight).toBeLessThanOrEqual(maxConcurrentReplayReads);
		stop();
	});
});

describe('M3: a hidden shelter never leaks on the public live topic', () => {
	it('an anonymous replay from memory leaves out a shelter hidden after its messages were sent; HQ still gets them', async () => {
		const after = await headId();
		await sendStatus(shelterA, 3);
		await sendStatus(shelterC, 2);
		const { hub, stop } = await startedHub();
		// The rules helper's trigger on public.shelters sends this 'visibility' message when `hidden`
		// changes; that SQL is not on this branch, so the test sends it itself, as the trigger will
		// (shared contract "Hidden shelters on live topics"). The lead re-runs this after merging.
		const setHidden = (hidden: boolean) =>
			db.asService(async (tx) => {
				await tx.query('update public.shelters set hidden = $2 where id = $1', [shelterA, hidden]);
				await tx.query(
					`select realtime.send(jsonb_build_object('shelter_id', $1::text, 'hidden', $2::boolean), 'visibility', 'hq', true)`,
					[shelterA, hidden]
				);
			});
		const visible = await replayText(db, hub, null, ['shelters'], after);
		expect(visible.match(/synthetic-A/g)).toHaveLength(3);

		await setHidden(true);
		const { db: watched, stats } = counting(db);
		const anonymous = await replayText(watched, hub, null, ['shelters', 'alerts'], after);
		expect(anonymous).not.toContain(shelterA);
		expect(anonymous.match(/synthetic-C/g)).toHaveLength(2);
		expect(stats.calls).toBe(0);

		const hq = await replayText(db, hub, claimsOf('hq'), ['shelters', 'hq'], after);
		expect(hq.match(/"n":\d+,"shelter_id":"synthetic-A"/g)).toHaveLength(3);

		// A restarted server learns the hidden set from the database.
		const restarted = await startedHub();
		const afterRestart = await replayText(db, restarted.hub, null, ['shelters'], after);
		expect(afterRestart).not.toContain(shelterA);
		expect(afterRestart.match(/synthetic-C/g)).toHaveLength(2);
		restarted.stop();

		// Shown again: its messages are public again, as the RLS policy has it ("hidden now").
		await setHidden(false);
		const shown = await replayText(db, hub, null, ['shelters'], after);
		expect(shown.match(/synthetic-A/g)).toHaveLength(3);
		await setHidden(true);
		stop();
	});
});
