/**
 * A refetch must not undo live events (a live 警戒レベル4 alert vanished when a refresh begun just
 * before it answered with the older list), and an older answer must not replace a newer one.
 */
import { describe, expect, it } from 'vitest';
import { FetchWindow } from '#lib/resident/fetch-window.ts';
import { applyAlertEvent } from '#lib/resident/live.ts';
import type { Alert } from '#lib/domain/alert.ts';
import type { LiveEvent } from '#lib/backend/port.ts';

function alert(id: string, level: 3 | 4 | 5): Alert {
	return {
		id,
		level,
		hazard: 'flood',
		areas: ['all'],
		text: { ja: id },
		issued_at: '2026-12-06T01:00:00.000Z',
		cancelled_at: null,
		issued_by: null,
		drill: false
	};
}
const event = (payload: Alert): LiveEvent => ({ topic: 'alerts', payload }) as LiveEvent;

describe('FetchWindow', () => {
	it('replays the events that arrived while a fetch was in flight, in order, onto its answer', () => {
		const window = new FetchWindow<LiveEvent>();
		window.record(event(alert('before', 3))); // no fetch open: nothing to remember
		const ticket = window.begin();
		window.record(event(alert('a4', 4)));
		window.record(event({ ...alert('a4', 4), cancelled_at: '2026-12-06T01:05:00.000Z' }));
		const replay = window.end(ticket);
		expect(replay?.map((e) => (e.payload as Alert).id)).toEqual(['a4', 'a4']);
		// The server's answer was read before a4 existed: replaying keeps a4, with its latest state.
		let list = [alert('a3', 3)];
		for (const e of replay!) list = applyAlertEvent(list, e);
		expect(list.map((a) => [a.id, a.cancelled_at])).toEqual([
			['a4', '2026-12-06T01:05:00.000Z'],
			['a3', null]
		]);
	});

	it('drops an answer older than one already applied; a failed fetch stops recording', () => {
		const window = new FetchWindow<LiveEvent>();
		const older = window.begin();
		const newer = window.begin();
		window.record(event(alert('x', 5)));
		expect(window.end(newer)?.length).toBe(1);
		expect(window.end(older)).toBeNull();

		const failed = window.begin();
		window.abandon(failed);
		window.record(event(alert('y', 3)));
		expect(failed.events).toEqual([]);
		// A fetch begun after the newest applied one is applied as usual.
		expect(window.end(window.begin())).toEqual([]);
	});
});
