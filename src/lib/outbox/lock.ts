import type { OutboxDb } from './db.ts';
import type { Lease } from './types.ts';

/**
 * Only one sender per device at a time, across tabs: two tabs draining the same queue would send
 * the same report twice in parallel and could reorder reports. `run` calls `fn` only when this tab
 * holds the lock and returns `{ ran: false }` at once when another tab holds it.
 */
export interface SenderLock {
	run<T>(fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
}

interface LockManagerLike {
	request<T>(
		name: string,
		options: { ifAvailable: boolean },
		callback: (lock: unknown) => Promise<T>
	): Promise<T>;
}

/** Web Locks API: the browser releases the lock itself when the tab closes or crashes. */
export function webLock(locks: LockManagerLike, name = 'bosai-outbox-sender'): SenderLock {
	return {
		run: (fn) =>
			locks.request(name, { ifAvailable: true }, async (lock) =>
				lock ? { ran: true as const, value: await fn() } : { ran: false as const }
			)
	};
}

/**
 * Fallback without Web Locks: a lease record in the outbox database. Claiming it is one IndexedDB
 * read-write transaction, which the browser serializes across tabs. The holder renews it while it
 * works; a crashed tab's lease simply expires.
 */
export function leaseLock(
	db: OutboxDb,
	owner: string,
	options: { ttlMs?: number; now?: () => number } = {}
): SenderLock {
	const { ttlMs = 15_000, now = Date.now } = options;

	async function claim(): Promise<boolean> {
		const tx = db.transaction('meta', 'readwrite');
		const record = await tx.store.get('lease');
		const lease = record?.value as Lease | undefined;
		const free = !lease || lease.owner === owner || lease.expires_at <= now();
		if (free) await tx.store.put({ key: 'lease', value: { owner, expires_at: now() + ttlMs } });
		await tx.done;
		return free;
	}

	async function release(): Promise<void> {
		const tx = db.transaction('meta', 'readwrite');
		const record = await tx.store.get('lease');
		if ((record?.value as Lease | undefined)?.owner === owner) await tx.store.delete('lease');
		await tx.done;
	}

	return {
		async run(fn) {
			if (!(await claim())) return { ran: false };
			const renew = setInterval(() => void claim().catch(() => {}), ttlMs / 3);
			try {
				return { ran: true, value: await fn() };
			} finally {
				clearInterval(renew);
				await release();
			}
		}
	};
}

/** Web Locks when the browser has them, otherwise the lease. */
export function defaultSenderLock(db: OutboxDb, owner: string, name?: string): SenderLock {
	const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
	return locks ? webLock(locks, name) : leaseLock(db, owner);
}
