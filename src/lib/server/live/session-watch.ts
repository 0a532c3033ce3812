/**
 * Ends the live streams of sessions that were ended (issue 16): every `intervalMs` the accounts of
 * the open signed-in streams are looked up in one query (session_versions, as the platform), and a
 * stream whose token version is no longer current — the account was disabled, its password reset,
 * its shelter changed, or it was deleted — is closed. It reads the database, so it works with
 * several app servers on one PostgreSQL database too: whichever server holds the stream ends it.
 * One indexed query per interval per server, and none while no signed-in stream is open.
 */
import type { Database } from '../db/types.ts';
import type { LiveHub } from './hub.ts';

/** Streams of an ended session close within this (plus one query): the issue asks for ≤ 5 s. */
export const sessionWatchMs = 2_000;

export function watchSessions(hub: LiveHub, db: Database, intervalMs = sessionWatchMs): () => void {
	let running = false;
	const check = async () => {
		const open = hub.signedIn();
		if (running || !open.length) return;
		running = true;
		try {
			const ids = [...new Set(open.map((s) => s.account!.id))];
			const result = await db.asService(
				(tx) =>
					tx.query<{ id: string; version: number }>(
						`select u.id::text as id, coalesce(v.version, 0) as version
						   from auth.users as u left join public.session_versions as v on v.user_id = u.id
						  where u.id = any($1::uuid[])`,
						[ids]
					),
				{ priority: 'background' }
			);
			const current = new Map(result.rows.map((row) => [row.id, Number(row.version)]));
			for (const subscriber of open) {
				if (current.get(subscriber.account!.id) !== subscriber.account!.version) hub.remove(subscriber, true);
			}
		} catch (error) {
			console.error('live: session check failed:', error instanceof Error ? error.message : error);
		} finally {
			running = false;
		}
	};
	const timer = setInterval(() => void check(), intervalMs);
	timer.unref?.();
	return () => clearInterval(timer);
}
