/**
 * jma_telegrams, jma_in_effect and jma_ingest() on both drivers with the real migrations: the
 * "in effect" view after 発表 → 継続 → 解除, 訂正 and 取消 (telegrams DERIVED from the real
 * VPWW54 sample at test time, 加工), dedupe, realtime on the public `jma` topic, and RLS as
 * each role.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestTelegram } from '#lib/server/jma/ingest.ts';
import type { Database } from '#lib/server/db/types.ts';
import { derivedH27Komae, readSample, withHead } from '../support/jma.ts';
import {
	actors,
	createFixtures,
	drivers,
	openTestDatabase,
	probe,
	type OpenedDatabase
} from './db-fixtures.ts';

async function inEffect(db: Database) {
	return db.asUser(null, async (tx) => {
		const r = await tx.query<{ stream: string; items: { name: string; status: string }[] }>(
			'select stream, items from public.jma_in_effect order by stream'
		);
		return r.rows.map((row) => [row.stream, row.items.map((i) => `${i.name}:${i.status}`)]);
	});
}

async function jmaMessages(db: Database) {
	return db.asUser(null, async (tx) => {
		const r = await tx.query<{ event: string }>(
			`select event from realtime.messages where topic = 'jma' order by id`
		);
		return r.rows.map((row) => row.event);
	});
}

const at = (minutes: number) =>
	new Date(Date.UTC(2026, 11, 2, 0, minutes)).toISOString().replace('.000Z', '+00:00');

describe.each(drivers)('JMA store on %s', (driver) => {
	let opened: OpenedDatabase;
	let db: Database;
	beforeAll(async () => {
		opened = await openTestDatabase(driver);
		db = opened.db;
		await createFixtures(db);
	}, 60_000);
	afterAll(async () => opened?.close());

	it('derives what is in effect from the latest telegram of each stream through 発表, 継続, 解除, 訂正 and 取消', async () => {
		const issued = withHead(derivedH27Komae('発表'), { reportDateTime: at(0) });
		expect(await ingestTelegram(db, issued, { source: 'feed', entryId: 'urn:synthetic:1' })).toMatchObject({
			outcome: 'stored',
			changed: true
		});
		const inForce = [['warning:h27', ['大雨注意報:発表', '雷注意報:発表', '洪水注意報:発表']]];
		expect(await inEffect(db)).toEqual(inForce);

		const continued = withHead(derivedH27Komae('継続'), { reportDateTime: at(10) });
		expect(await ingestTelegram(db, continued, { source: 'feed' })).toMatchObject({
			outcome: 'stored',
			changed: true
		});
		expect(await inEffect(db)).toEqual([
			['warning:h27', ['大雨注意報:継続', '雷注意報:継続', '洪水注意報:継続']]
		]);

		// The same 継続 again, by another channel: stored once.
		expect(await ingestTelegram(db, continued, { source: 'drop' })).toMatchObject({ outcome: 'duplicate' });

		const lifted = withHead(derivedH27Komae('解除'), { reportDateTime: at(20) });
		expect(await ingestTelegram(db, lifted, { source: 'feed' })).toMatchObject({
			outcome: 'stored',
			changed: true
		});
		expect(await inEffect(db)).toEqual([]);

		// A 訂正 at the same time says the warnings continue after all: it wins over its original.
		const corrected = withHead(derivedH27Komae('継続'), { reportDateTime: at(20), infoType: '訂正' });
		expect(await ingestTelegram(db, corrected, { source: 'post' })).toMatchObject({
			outcome: 'stored',
			changed: true
		});
		expect((await inEffect(db)).length).toBe(1);

		// A 取消 voids the 訂正; the 解除 stands again. Nothing is added up.
		const cancelled = withHead(derivedH27Komae('継続'), { reportDateTime: at(21), infoType: '取消' });
		expect(await ingestTelegram(db, cancelled, { source: 'feed' })).toMatchObject({
			outcome: 'stored',
			changed: true
		});
		expect(await inEffect(db)).toEqual([]);

		const count = await db.asService((tx) =>
			tx.query<{ n: number }>('select count(*)::int as n from public.jma_telegrams')
		);
		expect(count.rows[0].n).toBe(5);
		const voided = await db.asService((tx) =>
			tx.query<{ info_type: string }>(
				'select info_type from public.jma_telegrams where voided_by is not null'
			)
		);
		expect(voided.rows).toEqual([{ info_type: '訂正' }]);
	});

	it('keeps 訓練 telegrams out of what is in effect and stores nothing that does not concern 狛江市', async () => {
		const drill = withHead(derivedH27Komae('発表'), { reportDateTime: at(30), status: '訓練' });
		expect(await ingestTelegram(db, drill, { source: 'feed' })).toMatchObject({ outcome: 'stored' });
		expect(await inEffect(db)).toEqual([]);
		const elsewhere = readSample('official-samples/17_01_01_190529_VXWW50.xml');
		expect(
			await ingestTelegram(db, elsewhere, { source: 'feed', entryId: 'urn:synthetic:fukuoka' })
		).toMatchObject({ outcome: 'not_komae' });
		expect(await ingestTelegram(db, '<Report><Control>', { source: 'post' })).toMatchObject({
			outcome: 'invalid'
		});
		const entries = await db.asService((tx) =>
			tx.query<{ entry_id: string; outcome: string }>(
				'select entry_id, outcome from public.jma_feed_entries order by entry_id'
			)
		);
		expect(entries.rows).toEqual([
			{ entry_id: 'urn:synthetic:1', outcome: 'stored' },
			{ entry_id: 'urn:synthetic:fukuoka', outcome: 'not_komae' }
		]);
	});

	it('announces stored telegrams and changes of what is in effect on the public jma topic, readable by anon', async () => {
		// 6 stored telegrams above; the 継続 changed the statuses, so every step changed what is in effect, except the 訓練.
		expect(await jmaMessages(db)).toEqual([
			'telegram',
			'in_effect',
			'telegram',
			'in_effect',
			'telegram',
			'in_effect',
			'telegram',
			'in_effect',
			'telegram',
			'in_effect',
			'telegram'
		]);
	});

	it.each(actors)(
		'lets %s read the parsed telegrams but never the raw XML, and write nothing',
		async (actor) => {
			const read = await probe(db, actor, (tx) =>
				tx.query('select id, head_title, items from public.jma_telegrams')
			);
			expect(read).toMatchObject({
				rows: expect.arrayContaining([expect.objectContaining({ head_title: '東京都気象警報・注意報' })])
			});
			expect(
				await probe(db, actor, (tx) => tx.query('select raw_xml from public.jma_telegrams'))
			).toMatchObject({ code: '42501' });
			const writes = [
				`insert into public.jma_telegrams (source, dedupe_key, sha256, control_title, control_status, publishing_office, head_title, report_at, event_id, info_type, info_kind, family, stream, items, headline, raw_xml)
			 values ('post', 'x', repeat('0', 64), 't', '通常', 'o', 'h', now(), '', '発表', 'k', 'warning', 's', '[]', '', '<x/>')`,
				`update public.jma_telegrams set head_title = 'forged'`,
				`delete from public.jma_telegrams`,
				`select public.jma_ingest('{}'::jsonb, '<x/>', 'post', null)`,
				`select * from public.jma_feed_entries`,
				`insert into public.jma_feed_state (url) values ('http://x')`
			];
			for (const sql of writes)
				expect(await probe(db, actor, (tx) => tx.query(sql)), sql).toMatchObject({ code: '42501' });
		}
	);
});
