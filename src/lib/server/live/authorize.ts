/**
 * Topic authorization at subscribe time, the way Supabase Realtime authorizes a private channel
 * join: in one transaction the platform writes a probe message to the topic, then — switched to
 * the caller's role and claims — tries to read it back; the transaction is always rolled back.
 * So the RLS policies on realtime.messages decide, not TypeScript, and an empty topic works too.
 */
import { callerParams, setCallerSql } from '../db/session.ts';
import type { Claims, Database } from '../db/types.ts';

/** Public topics of DESIGN.md: broadcast with private=false, readable by everyone. */
export const publicTopics: ReadonlySet<string> = new Set(['shelters', 'alerts', 'jma']);

const topicPattern = /^(shelters|alerts|jma|hq|shelter:[A-Za-z0-9_.:-]{1,64})$/;

export function isTopic(value: string): boolean {
	return topicPattern.test(value);
}

class Rollback extends Error {
	readonly allowed: boolean;
	constructor(allowed: boolean) {
		super('rollback');
		this.allowed = allowed;
	}
}

export async function canSubscribe(db: Database, claims: Claims | null, topic: string): Promise<boolean> {
	if (publicTopics.has(topic)) return true;
	try {
		// A read in effect (always rolled back): it waits behind writes in the background lane, like
		// replay reads, so a flood of refused subscriptions cannot delay a report.
		await db.asService(
			async (tx) => {
				const probe = await tx.query<{ id: number }>(
					// id -1 (overriding the identity): a probe never burns a message id, so ids of
					// committed messages stay dense and a gap really means "pruned".
					`insert into realtime.messages (id, topic, event, payload, private, extension)
				 overriding system value
				 values (-1, $1, 'authorization_probe', '{}'::jsonb, true, 'broadcast') returning id`,
					[topic]
				);
				await tx.query(setCallerSql, callerParams(claims));
				await tx.query(`select set_config('realtime.topic', $1, true)`, [topic]);
				const seen = await tx.query(`select 1 from realtime.messages where id = $1`, [probe.rows[0].id]);
				throw new Rollback(seen.rows.length === 1);
			},
			{ priority: 'background' }
		);
	} catch (error) {
		if (error instanceof Rollback) return error.allowed;
		throw error;
	}
	return false;
}
