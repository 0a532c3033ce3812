/** Wires the outbox to the browser: IndexedDB, cross-tab lock and channel, and the online event. */
import { defaultOutboxName, openOutboxDb } from './db.ts';
import { defaultSenderLock } from './lock.ts';
import { Outbox } from './outbox.ts';
import type { QueueItem } from './types.ts';
import type { ReportInput } from '../domain/report.ts';
import { newClientId } from './uuid.ts';

/** `parse` validates queued items (default: reports); each queue has its own database `name`. */
export async function openBrowserOutbox<T extends QueueItem = ReportInput>(
	name = defaultOutboxName,
	parse?: (item: T) => T
): Promise<Outbox<T>> {
	const db = await openOutboxDb(name);
	// Ask the browser not to evict the queue under storage pressure (best effort).
	void navigator.storage?.persist?.().catch(() => false);
	const online = () => void outbox.sync({ force: true });
	const visible = () => {
		if (document.visibilityState === 'visible') void outbox.sync();
	};
	// The listeners below run only after `outbox` exists (they are added after it).
	const outbox: Outbox<T> = new Outbox<T>({
		db,
		parse,
		lock: defaultSenderLock(db, newClientId(), `${name}-sender`),
		channel: typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null,
		onClose: () => {
			window.removeEventListener('online', online);
			document.removeEventListener('visibilitychange', visible);
			db.close();
		}
	});
	window.addEventListener('online', online);
	document.addEventListener('visibilitychange', visible);
	return outbox;
}
