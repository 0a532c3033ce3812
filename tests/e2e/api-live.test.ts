/**
 * GET /api/live (Server-Sent Events) against the real server, read with the app's own fetch-based
 * reader: a staff report reaches `shelters` (public fields only) and `hq` (full report); private
 * topics are refused to callers RLS does not allow; a subscriber that drops and reconnects with
 * Last-Event-ID receives exactly what it missed.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { call, liveSubscriber, reportFor, signInAll } from '../support/api.ts';

const baseURL = inject('baseURL');
const accounts = inject('accounts');

let hq = '';
let staffA = '';
let staffB = '';

beforeAll(async () => {
	({ hq, staffA, staffB } = await signInAll(baseURL, accounts));
});

const byClient = (clientId: string) => (e: { payload: unknown }) =>
	(e.payload as { client_id?: string }).client_id === clientId;

describe('GET /api/live', () => {
	it('a staff report reaches `shelters` with public fields only and `hq` with the full report', async () => {
		const publicSub = liveSubscriber(baseURL, ['shelters']);
		const hqSub = liveSubscriber(baseURL, ['hq'], { token: hq });
		await Promise.all([publicSub.waitForState('live'), hqSub.waitForState('live')]);
		const report = reportFor(accounts.staffA.shelter_id, {
			status: 'open',
			crowding: 'crowded',
			evacuees: 321,
			note: 'synthetic: private note for HQ'
		});
		const posted = await call(baseURL, 'POST', '/api/reports', { token: staffA, body: report });
		expect(posted.status).toBe(201);

		const full = await hqSub.waitFor(byClient(report.client_id));
		expect(full.topic).toBe('hq');
		expect(full.event).toBe('report');
		expect(full.payload).toMatchObject({ evacuees: 321, note: report.note, crowding: 'crowded' });

		const status = await publicSub.waitFor(
			(e) =>
				e.event === 'status' &&
				(e.payload as { shelter_id: string }).shelter_id === accounts.staffA.shelter_id &&
				(e.payload as { crowding: string }).crowding === 'crowded'
		);
		expect(status.topic).toBe('shelters');
		expect(Object.keys(status.payload as object).sort()).toEqual(
			['crowding', 'drill', 'shelter_id', 'status', 'updated_at'].sort()
		);
		expect(JSON.stringify(status.payload)).not.toContain('synthetic: private note');
		expect(Number(status.id)).toBeGreaterThan(0);
		publicSub.stop();
		hqSub.stop();
	});

	it('anonymous `hq` is 403; staff get their own shelter topic but not another one or `hq`', async () => {
		for (const [topics, token] of [
			['hq', undefined],
			['shelters,hq', undefined],
			[`shelter:${accounts.staffA.shelter_id}`, undefined],
			['hq', staffA],
			[`shelter:${accounts.staffA.shelter_id}`, staffB]
		] as const) {
			const r = await call(baseURL, 'GET', `/api/live?topics=${topics}`, { token });
			expect(r.status, `${topics} as ${token ? 'staff' : 'anon'}`).toBe(403);
			expect(r.body).toMatchObject({ error: { code: 'forbidden' } });
		}
		const bad = await call(baseURL, 'GET', '/api/live?topics=secrets');
		expect(bad.status).toBe(400);
		const none = await call(baseURL, 'GET', '/api/live');
		expect(none.status).toBe(400);

		const own = liveSubscriber(baseURL, [`shelter:${accounts.staffA.shelter_id}`], { token: staffA });
		await own.waitForState('live');
		const sent = await call<{ id: string }>(baseURL, 'POST', '/api/messages', {
			token: hq,
			body: { shelter_id: accounts.staffA.shelter_id, body: 'synthetic: bring blankets' }
		});
		expect(sent.status).toBe(201);
		const message = await own.waitFor((e) => e.event === 'message');
		expect(message.payload).toMatchObject({ id: sent.body.id, body: 'synthetic: bring blankets' });
		own.stop();
	});

	it('a dropped subscriber reconnecting with Last-Event-ID misses nothing and gets no duplicate', async () => {
		const first = liveSubscriber(baseURL, ['hq', 'shelters'], { token: hq });
		await first.waitForState('live');
		const before = reportFor(accounts.staffB.shelter_id);
		await call(baseURL, 'POST', '/api/reports', { token: staffB, body: before });
		const seen = await first.waitFor(byClient(before.client_id));
		first.stop();

		const missed = [];
		for (let i = 0; i < 5; i++) {
			const report = reportFor(accounts.staffB.shelter_id, { evacuees: i });
			const r = await call(baseURL, 'POST', '/api/reports', { token: staffB, body: report });
			expect(r.status).toBe(201);
			missed.push(report.client_id);
		}

		const second = liveSubscriber(baseURL, ['hq', 'shelters'], { token: hq, lastEventId: seen.id });
		const last = await second.waitFor(byClient(missed[missed.length - 1]));
		const hqEvents = second.events.filter((e) => e.topic === 'hq' && e.event === 'report');
		const clientIds = hqEvents.map((e) => (e.payload as { client_id: string }).client_id);
		expect(clientIds).toEqual(missed);
		// Ids strictly increase: nothing replayed twice, nothing before the resume point.
		const ids = second.events.map((e) => Number(e.id));
		expect(ids.every((id, i) => id > Number(seen.id) && (i === 0 || id > ids[i - 1]))).toBe(true);
		// The public status events of the same reports came too.
		expect(second.events.filter((e) => e.topic === 'shelters').length).toBeGreaterThanOrEqual(1);
		expect(Number(last.id)).toBeGreaterThan(Number(seen.id));
		second.stop();
	});

	it("a hidden shelter's reports never reach anonymous `shelters` subscribers, live or on replay (issue 18, M3)", async () => {
		const hidden = accounts.staffB.shelter_id;
		const about = (id: string) => (e: { payload: unknown }) =>
			(e.payload as { shelter_id?: string }).shelter_id === id;
		const setHidden = (value: boolean) =>
			call(baseURL, 'PATCH', `/api/shelters/${hidden}`, { token: hq, body: { hidden: value } });
		// Sent while the shelter was still public: withdrawn from replays once it is hidden.
		await call(baseURL, 'POST', '/api/reports', { token: staffB, body: reportFor(hidden) });
		expect((await setHidden(true)).status).toBe(200);
		try {
			const live = liveSubscriber(baseURL, ['shelters']);
			const own = liveSubscriber(baseURL, [`shelter:${hidden}`], { token: staffB });
			await Promise.all([live.waitForState('live'), own.waitForState('live')]);
			await call(baseURL, 'POST', '/api/reports', {
				token: staffB,
				body: reportFor(hidden, { status: 'closed', crowding: 'full' })
			});
			// Its staff still get the status, on their private topic.
			await own.waitFor((e) => e.event === 'status' && (e.payload as { status: string }).status === 'closed');
			// A later public report marks the point by which the hidden one would have arrived.
			await call(baseURL, 'POST', '/api/reports', {
				token: staffA,
				body: reportFor(accounts.staffA.shelter_id)
			});
			await live.waitFor(about(accounts.staffA.shelter_id));
			expect(live.events.filter(about(hidden))).toEqual([]);

			const replay = liveSubscriber(baseURL, ['shelters'], { lastEventId: '0' });
			const marker = live.events.find(about(accounts.staffA.shelter_id))!;
			await replay.waitFor((e) => e.id === marker.id);
			expect(replay.events.filter(about(hidden))).toEqual([]);
			for (const sub of [live, own, replay]) sub.stop();
		} finally {
			await setHidden(false);
		}
	});

	it('replay after a reconnect is read as the caller: staff never receive `hq` rows', async () => {
		const report = reportFor(accounts.staffA.shelter_id);
		await call(baseURL, 'POST', '/api/reports', { token: staffA, body: report });
		// after=0 asks for everything; RLS lets staff read only its own private topic.
		const sub = liveSubscriber(baseURL, ['shelters', `shelter:${accounts.staffA.shelter_id}`], {
			token: staffA,
			lastEventId: '0'
		});
		await sub.waitFor((e) => e.topic === 'shelters');
		await new Promise((r) => setTimeout(r, 300));
		expect(sub.events.some((e) => (e.topic as string) === 'hq')).toBe(false);
		expect(
			sub.events.every((e) => e.topic === 'shelters' || e.topic === `shelter:${accounts.staffA.shelter_id}`)
		).toBe(true);
		sub.stop();
	});
});
