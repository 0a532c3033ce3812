/**
 * Polls JMA's pull feeds: the 高頻度 feeds every interval with conditional GET, the 長期 feeds at
 * start (catch-up after downtime) and every `longEvery` rounds. Follows only entries that can
 * concern 狛江市, fetches each telegram once (jma_feed_entries remembers entry ids across
 * restarts; jma_ingest() dedupes the telegram itself), and never stops on bad input: every
 * failure is logged and the next round goes on.
 */
import { followsEntry, parseFeed, type FeedEntry } from '#lib/jma/feed.ts';
import type { Database } from '../db/types.ts';
import { boundedGet, FetchLimitError } from './bounded-fetch.ts';
import { ingestTelegram, maxTelegramBytes } from './ingest.ts';

export interface JmaLogEntry {
	level: 'info' | 'warn';
	message: string;
	url?: string;
}

export interface JmaPollerOptions {
	db: Database;
	/** BOSAI_JMA_FEED: the directory holding extra.xml, eqvol.xml, extra_l.xml, eqvol_l.xml. */
	baseUrl: string;
	intervalMs?: number;
	timeoutMs?: number;
	maxFeedBytes?: number;
	longEvery?: number;
	log?: (entry: JmaLogEntry) => void;
}

export const highFrequencyFeeds = ['extra.xml', 'eqvol.xml'];
export const longFeeds = ['extra_l.xml', 'eqvol_l.xml'];

export class JmaPoller {
	private readonly options: Required<JmaPollerOptions>;
	private readonly base: URL;
	private timer: ReturnType<typeof setTimeout> | undefined;
	private running: Promise<void> | undefined;
	private rounds = 0;
	private stopped = false;
	/** Entries that failed this round: the 長期 and 高頻度 feeds list the same ones; try each once per round. */
	private failed = new Set<string>();

	constructor(options: JmaPollerOptions) {
		this.base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
		if (this.base.protocol !== 'https:' && this.base.protocol !== 'http:')
			throw new Error('BOSAI_JMA_FEED must be an http(s) URL');
		this.options = {
			intervalMs: 60_000,
			timeoutMs: 10_000,
			maxFeedBytes: 5 * 1024 * 1024,
			longEvery: 10,
			log: (entry) => console[entry.level](JSON.stringify({ jma: entry })),
			...options
		};
	}

	/** Runs rounds until stop(); the first one reads the 長期 feeds too. */
	start(): void {
		const loop = async () => {
			if (this.stopped) return;
			this.running = this.round();
			await this.running;
			if (!this.stopped) this.timer = setTimeout(loop, this.options.intervalMs);
		};
		void loop();
	}

	async stop(): Promise<void> {
		this.stopped = true;
		clearTimeout(this.timer);
		await this.running;
	}

	/** One round: the 高頻度 feeds, preceded by the 長期 ones on the first and every longEvery-th round. */
	async round(): Promise<void> {
		this.failed.clear();
		const long = this.rounds % this.options.longEvery === 0;
		this.rounds++;
		for (const feed of [...(long ? longFeeds : []), ...highFrequencyFeeds]) {
			try {
				await this.pollFeed(new URL(feed, this.base).href);
			} catch (error) {
				this.options.log({
					level: 'warn',
					message: `feed round failed: ${(error as Error).message}`,
					url: feed
				});
			}
		}
	}

	private async pollFeed(url: string): Promise<void> {
		const { db, timeoutMs, maxFeedBytes, log } = this.options;
		const state = await db.asService((tx) =>
			tx.query<{ etag: string | null; last_modified: string | null }>(
				'select etag, last_modified from public.jma_feed_state where url = $1',
				[url]
			)
		);
		let response;
		try {
			response = await boundedGet(url, {
				timeoutMs,
				maxBytes: maxFeedBytes,
				etag: state.rows[0]?.etag,
				lastModified: state.rows[0]?.last_modified
			});
		} catch (error) {
			if (!(error instanceof FetchLimitError)) throw error;
			log({ level: 'warn', message: error.message, url });
			return;
		}
		if (response.status === 304) return;
		if (response.status !== 200) {
			log({ level: 'warn', message: `feed answered ${response.status}`, url });
			return;
		}
		let entries: FeedEntry[];
		try {
			entries = parseFeed(response.body);
		} catch (error) {
			log({ level: 'warn', message: `feed unreadable: ${(error as Error).message}`, url });
			return;
		}
		// Feeds list newest first: oldest first keeps 発表 before its 継続 and 取消.
		let complete = true;
		for (const entry of entries.filter(followsEntry).reverse()) {
			if (!(await this.fetchEntry(entry))) complete = false;
		}
		// Remember the validators only when every entry was handled, so a telegram that timed out is
		// fetched again next round instead of hiding behind a 304.
		if (complete) {
			await db.asService((tx) =>
				tx.query(
					`insert into public.jma_feed_state (url, etag, last_modified, updated_at) values ($1, $2, $3, now())
					 on conflict (url) do update set etag = excluded.etag, last_modified = excluded.last_modified, updated_at = now()`,
					[url, response.etag, response.lastModified]
				)
			);
		}
	}

	/** false when the telegram should be tried again later (time-out, server error). */
	private async fetchEntry(entry: FeedEntry): Promise<boolean> {
		if (this.failed.has(entry.id)) return false;
		const ok = await this.fetchEntryOnce(entry);
		if (!ok) this.failed.add(entry.id);
		return ok;
	}

	private async fetchEntryOnce(entry: FeedEntry): Promise<boolean> {
		const { db, timeoutMs, log } = this.options;
		const seen = await db.asService((tx) =>
			tx.query('select 1 from public.jma_feed_entries where entry_id = $1', [entry.id])
		);
		if (seen.rows.length > 0) return true;
		const target = new URL(entry.url, this.base);
		// Telegrams live next to the feeds; any other origin in a feed is refused (no SSRF by feed).
		if (target.origin !== this.base.origin) {
			log({ level: 'warn', message: 'entry link leaves the feed origin: skipped', url: target.href });
			await this.remember(entry.id, 'invalid');
			return true;
		}
		try {
			const response = await boundedGet(target.href, { timeoutMs, maxBytes: maxTelegramBytes });
			if (response.status !== 200) {
				log({ level: 'warn', message: `telegram answered ${response.status}`, url: target.href });
				return response.status === 404 || response.status === 410;
			}
			const result = await ingestTelegram(db, response.body, { source: 'feed', entryId: entry.id });
			if (result.outcome === 'invalid')
				log({ level: 'warn', message: `telegram refused: ${result.error}`, url: target.href });
			return true;
		} catch (error) {
			if (!(error instanceof FetchLimitError)) throw error;
			log({ level: 'warn', message: error.message, url: target.href });
			// Too big never gets smaller: remember it. A time-out is tried again.
			if (/limit/.test(error.message)) {
				await this.remember(entry.id, 'invalid');
				return true;
			}
			return false;
		}
	}

	private async remember(entryId: string, outcome: 'invalid'): Promise<void> {
		await this.options.db.asService((tx) =>
			tx.query(
				`insert into public.jma_feed_entries (entry_id, outcome) values ($1, $2) on conflict do nothing`,
				[entryId.slice(0, 500), outcome]
			)
		);
	}
}
