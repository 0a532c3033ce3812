/**
 * Replay for a reconnecting subscriber, on a real PGlite with the real migrations: rows are read
 * as the caller (RLS on realtime.messages), in id order, within (after, until]; a gap too long to
 * replay answers 'too_many' (the stream then sends one `resync` event).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#lib/server/db/index.ts';
import type { Database } from '#lib/server/db/types.ts';
import { canSubscribe } from '#lib/server/live/authorize.ts';
import { LiveHub } from '#lib/server/live/hub.ts';
import { maxReplay, replay } from '#lib/server/live/session.ts';
import { openLiveStream } from '#lib/server/live/web-stream.ts';

let db: Database;

beforeAll(async () => {
	db = await openDatabase({ driver: 'pglite', dataDir: 'memory://', seed: false });
	await db.asService((tx) =>
		tx.query(`select realtime.send(jsonb_build_object('n', n), 'status', case when n % 2 = 0
			then 'shelters' else 'hq' end, n % 2 = 1) from generate_series(1, 10) as n`)
	);
}, 60_000);

afterAll(async () => {
	await db?.close();
});

describe('replay', () => {
	it('gives anonymous callers the public rows after the resume point, never `hq`', async () => {
		const rows = await replay(db, null, ['shelters', 'hq'], 4, 10);
		expect(rows).not.toBe('too_many');
		const list = rows as { id: number; topic: string; payload: unknown }[];
		expect(list.map((r) => r.topic)).toEqual(['shelters', 'shelters', 'shelters']);
		expect(list.map((r) => (r.payload as { n: number }).n)).toEqual([6, 8, 10]);
		expect(list.map((r) => r.id)).toEqual([...list.map((r) => r.id)].sort((a, b) => a - b));
	});

	it('authorizes topics through RLS: anonymous may join public topics only', async () => {
		expect(await canSubscribe(db, null, 'shelters')).toBe(true);
		expect(await canSubscribe(db, null, 'hq')).toBe(false);
		expect(await canSubscribe(db, null, 'shelter:x')).toBe(false);
		// The probe rows were rolled back.
		const count = await db.asService((tx) =>
			tx.query<{ n: number }>(
				`select count(*)::int as n from realtime.messages where event = 'authorization_probe'`
			)
		);
		expect(count.rows[0].n).toBe(0);
	});

	it(`answers 'too_many' beyond ${maxReplay} missed rows`, async () => {
		await db.asService((tx) =>
			tx.query(`select realtime.send('{}'::jsonb, 'status', 'shelters', false)
				from generate_series(1, ${maxReplay + 600})`)
		);
		const head = await db.asService((tx) =>
			tx.query<{ id: number }>('select max(id)::int as id from realtime.messages')
		);
		expect(await replay(db, null, ['shelters'], 0, head.rows[0].id)).toBe('too_many');
		const recent = await replay(db, null, ['shelters'], head.rows[0].id - 3, head.rows[0].id);
		expect(recent).toHaveLength(3);
	});

	it('a resume point older than the oldest kept message (pruned) gets one resync event', async () => {
		const head = await db.asService((tx) =>
			tx.query<{ id: number }>('select max(id)::int as id from realtime.messages')
		);
		const last = head.rows[0].id;
		await db.asService((tx) => tx.query('delete from realtime.messages where id <= $1', [last - 2]));
		const hub = new LiveHub(last, 60_000);
		// As the server starts it: the public replay ring is loaded from what is kept.
		await hub.load(db);
		const read = async (after: number) => {
			const response = openLiveStream({ db, hub, claims: null, topics: ['shelters'], after });
			const reader = response.body!.getReader();
			let text = '';
			// Everything up to the head was sent once a frame with the head's id arrived.
			while (!new RegExp(`^id: ${last}$[^]*?\\n\\n`, 'm').test(text)) {
				const { value } = await reader.read();
				text += new TextDecoder().decode(value);
			}
			await reader.cancel();
			return text;
		};
		expect(await read(5)).toContain('event: resync');
		const fine = await read(last - 2);
		expect(fine).not.toContain('resync');
		expect(fine.match(/^event: status$/gm)).toHaveLength(2);
		// The probe of a private topic never takes a message id.
		expect(await canSubscribe(db, null, 'hq')).toBe(false);
		const after = await db.asService((tx) =>
			tx.query<{ id: number }>('select max(id)::int as id from realtime.messages')
		);
		expect(after.rows[0].id).toBe(last);
		hub.close();
	});
});
