/**
 * The feed poller against a loopback HTTP server that plays a feed sequence built from the real
 * samples: telegrams DERIVED at test time (加工: statuses, InfoType, times changed) behind Atom
 * feeds written here. Checks the in-effect view after each step, that nothing is stored twice,
 * that bad input (time-out, 50 MB body, malformed telegram) is logged and changes nothing, that
 * an unchanged feed is a 304, and that a restart catches up from the 長期 feed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#lib/server/db/types.ts';
import { JmaPoller, type JmaLogEntry } from '#lib/server/jma/poller.ts';
import { derivedH27Komae, readSample, withHead } from '../support/jma.ts';
import { openTestDatabase, type OpenedDatabase } from './db-fixtures.ts';

interface Entry {
	id: string;
	title: string;
	author: string;
	path: string;
}

/** What the loopback JMA serves; the test changes it between rounds. */
const site = {
	feeds: new Map<string, Entry[]>(),
	telegrams: new Map<string, string | 'slow' | 'huge'>(),
	requests: [] as { path: string; ifNoneMatch?: string }[]
};

function atom(name: string, entries: Entry[], origin: string): string {
	const items = entries
		.map(
			(e) => `<entry><title>${e.title}</title><id>${e.id}</id><updated>2026-12-02T00:00:00Z</updated>
<author><name>${e.author}</name></author><link type="application/xml" href="${origin}${e.path}"/>
<content type="text">synthetic</content></entry>`
		)
		.join('\n');
	// lang="ja" instead of xml:lang, as JMA writes it.
	return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" lang="ja"><title>${name}</title><id>${origin}/${name}</id><updated>2026-12-02T00:00:00Z</updated>${items}</feed>`;
}

let server: Server;
let origin: string;
let opened: OpenedDatabase;
let db: Database;
const logs: JmaLogEntry[] = [];

function poller(): JmaPoller {
	return new JmaPoller({
		db,
		baseUrl: `${origin}/feed/`,
		timeoutMs: 400,
		intervalMs: 3_600_000,
		log: (e) => logs.push(e)
	});
}

async function inEffect(): Promise<string[]> {
	return db.asUser(null, async (tx) => {
		const r = await tx.query<{ items: { name: string; status: string }[] }>(
			'select items from public.jma_in_effect order by stream'
		);
		return r.rows.flatMap((row) => row.items.map((i) => `${i.name}:${i.status}`));
	});
}

async function storedCount(): Promise<number> {
	const r = await db.asService((tx) =>
		tx.query<{ n: number }>('select count(*)::int as n from public.jma_telegrams')
	);
	return r.rows[0].n;
}

const fetchesOf = (path: string) => site.requests.filter((r) => r.path === path).length;
const at = (minutes: number) =>
	new Date(Date.UTC(2026, 11, 2, 0, minutes)).toISOString().replace('.000Z', '+00:00');
const warning = (id: string, path: string): Entry => ({
	id,
	path,
	title: '気象警報・注意報（Ｈ２７）',
	author: '気象庁予報部'
});

beforeAll(async () => {
	opened = await openTestDatabase('pglite');
	db = opened.db;
	server = createServer((req, res) => {
		const path = req.url ?? '/';
		site.requests.push({ path, ifNoneMatch: req.headers['if-none-match'] });
		const feed = /^\/feed\/(.+)$/.exec(path);
		if (feed) {
			const body = atom(feed[1], site.feeds.get(feed[1]) ?? [], origin);
			const etag = `"${Buffer.from(body).length}-${(site.feeds.get(feed[1]) ?? []).length}"`;
			if (req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
			return void res.writeHead(200, { 'content-type': 'application/atom+xml', etag }).end(body);
		}
		const telegram = site.telegrams.get(path);
		if (telegram === undefined) return void res.writeHead(404).end();
		if (telegram === 'slow') return void setTimeout(() => res.writeHead(200).end('<late/>'), 2_000);
		if (telegram === 'huge') {
			// 50 MB, chunked with no Content-Length: the reader must cut it off itself.
			res.writeHead(200, { 'content-type': 'application/xml' });
			const chunk = Buffer.alloc(1024 * 1024, 0x20);
			let sent = 0;
			const pump = () => {
				while (sent < 50 && res.write(chunk)) sent++;
				if (sent >= 50) res.end();
				else res.once('drain', pump);
			};
			res.on('close', () => (sent = 50));
			return void pump();
		}
		res.writeHead(200, { 'content-type': 'application/xml' }).end(telegram);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
	server?.closeAllConnections();
	await new Promise((resolve) => server?.close(resolve));
	await opened?.close();
});

describe('JMA feed poller on a loopback feed sequence', () => {
	const extra: Entry[] = [];
	const long: Entry[] = [];
	const publish = (entry: Entry, xml: string | 'slow' | 'huge') => {
		site.telegrams.set(entry.path, xml);
		extra.unshift(entry);
		long.unshift(entry);
		site.feeds.set('extra.xml', [...extra]);
		site.feeds.set('extra_l.xml', [...long]);
	};

	it('stores a 発表, follows only kinds and offices that can concern 狛江市, and fetches an unchanged feed as a 304', async () => {
		site.telegrams.set('/data/elsewhere.xml', readSample('official-samples/15_17_01_250630_VPWW55.xml'));
		extra.push({
			id: 'urn:synthetic:shimane',
			path: '/data/elsewhere.xml',
			title: '気象警報・注意報（Ｒ０６）（大雨）',
			author: '松江地方気象台'
		});
		extra.push({
			id: 'urn:synthetic:vpww53',
			path: '/data/vpww53.xml',
			title: '気象特別警報・警報・注意報',
			author: '気象庁予報部'
		});
		publish(
			warning('urn:synthetic:1', '/data/1.xml'),
			withHead(derivedH27Komae('発表'), { reportDateTime: at(0) })
		);
		const p = poller();
		await p.round();
		expect(await inEffect()).toEqual(['大雨注意報:発表', '雷注意報:発表', '洪水注意報:発表']);
		expect(fetchesOf('/data/elsewhere.xml') + fetchesOf('/data/vpww53.xml')).toBe(0);
		expect(fetchesOf('/data/1.xml')).toBe(1);
		const before = site.requests.length;
		await p.round();
		const again = site.requests.slice(before).filter((r) => r.path === '/feed/extra.xml');
		expect(again[0].ifNoneMatch).toMatch(/^"/);
		expect(fetchesOf('/data/1.xml')).toBe(1);
	});

	it('moves to 継続, and stores a duplicate entry of the same telegram once', async () => {
		const continued = withHead(derivedH27Komae('継続'), { reportDateTime: at(10) });
		publish(warning('urn:synthetic:2', '/data/2.xml'), continued);
		publish(warning('urn:synthetic:2-again', '/data/2-again.xml'), continued);
		const count = await storedCount();
		await poller().round();
		expect(await inEffect()).toEqual(['大雨注意報:継続', '雷注意報:継続', '洪水注意報:継続']);
		expect(await storedCount()).toBe(count + 1);
	});

	it('logs a time-out, a 50 MB body and a malformed telegram, changes nothing for them, and still stores the 解除', async () => {
		publish({ ...warning('urn:synthetic:slow', '/data/slow.xml') }, 'slow');
		publish({ ...warning('urn:synthetic:huge', '/data/huge.xml') }, 'huge');
		publish({ ...warning('urn:synthetic:bad', '/data/bad.xml') }, derivedH27Komae('継続').slice(0, 5000));
		publish(
			warning('urn:synthetic:3', '/data/3.xml'),
			withHead(derivedH27Komae('解除'), { reportDateTime: at(20) })
		);
		const count = await storedCount();
		logs.length = 0;
		await poller().round();
		expect(await inEffect()).toEqual([]);
		expect(await storedCount()).toBe(count + 1);
		const messages = logs.map((l) => `${l.url ?? ''} ${l.message}`);
		expect(messages.some((m) => m.includes('/data/slow.xml') && m.includes('timed out'))).toBe(true);
		expect(messages.some((m) => m.includes('/data/huge.xml') && m.includes('limit'))).toBe(true);
		expect(messages.some((m) => m.includes('/data/bad.xml') && m.includes('refused'))).toBe(true);
	});

	it('retries the telegram that timed out, and applies a 訂正 then a 取消', async () => {
		site.telegrams.set('/data/slow.xml', withHead(derivedH27Komae('継続'), { reportDateTime: at(15) }));
		publish(
			warning('urn:synthetic:4', '/data/4.xml'),
			withHead(derivedH27Komae('継続'), { reportDateTime: at(20), infoType: '訂正' })
		);
		await poller().round();
		// The late 継続 (00:15) is older than the 解除; the 訂正 (00:20) wins over the 解除.
		expect(await inEffect()).toEqual(['大雨注意報:継続', '雷注意報:継続', '洪水注意報:継続']);
		expect(fetchesOf('/data/slow.xml')).toBe(2);
		expect(fetchesOf('/data/huge.xml')).toBe(1);
		publish(
			warning('urn:synthetic:5', '/data/5.xml'),
			withHead(derivedH27Komae('継続'), { reportDateTime: at(21), infoType: '取消' })
		);
		await poller().round();
		expect(await inEffect()).toEqual([]);
	});

	it('catches up from the 長期 feed after a restart: nothing missed, nothing doubled', async () => {
		const running = poller();
		await running.round();
		await running.stop();
		const count = await storedCount();
		// Down: two telegrams are published and the 高頻度 feed rolls over past them.
		publish(
			warning('urn:synthetic:6', '/data/6.xml'),
			withHead(derivedH27Komae('発表'), { reportDateTime: at(30) })
		);
		publish(
			warning('urn:synthetic:7', '/data/7.xml'),
			withHead(derivedH27Komae('継続'), { reportDateTime: at(40) })
		);
		extra.length = 0;
		site.feeds.set('extra.xml', []);
		const restarted = poller();
		await restarted.round();
		expect(await storedCount()).toBe(count + 2);
		expect(await inEffect()).toEqual(['大雨注意報:継続', '雷注意報:継続', '洪水注意報:継続']);
		// Every telegram was fetched once over the whole sequence, the duplicate entry included.
		for (const path of [
			'/data/1.xml',
			'/data/2.xml',
			'/data/3.xml',
			'/data/4.xml',
			'/data/5.xml',
			'/data/6.xml',
			'/data/7.xml'
		]) {
			expect([path, fetchesOf(path)]).toEqual([path, 1]);
		}
		await restarted.round();
		expect(await storedCount()).toBe(count + 2);
	});
});
