/**
 * Crash test: 20 simulated terminals send 500 reports (25 each, in order, retrying the same
 * client_id until acknowledged — as the staff outbox does) while the server is SIGKILLed twice
 * and restarted on the same data dir. Afterwards every acknowledged report is stored exactly once
 * and nothing is duplicated. The terminals report as HQ for 20 real shelters (one HQ account
 * keeps the setup fast; staff accounts take the same path through submit_report).
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '#lib/domain/report.ts';
import { addAccount, call, reportFor, signIn } from '../support/api.ts';
import { startServer, tempDataDir, type RunningServer } from '../support/server.ts';

const terminals = 20;
const perTerminal = 25;
const killAtAcks = [150, 320];

let server: RunningServer | undefined;
afterAll(async () => {
	await server?.stop();
});

function realShelterIds(count: number): string[] {
	const data = JSON.parse(readFileSync('data/out/komae/shelters.json', 'utf8')) as {
		shelters: { id: string; inside_city: boolean }[];
	};
	const ids = data.shelters.filter((s) => s.inside_city).map((s) => s.id);
	if (ids.length < count) throw new Error(`need ${count} shelters, the data has ${ids.length}`);
	return ids.slice(0, count);
}

describe('crash test', () => {
	it('500 reports from 20 terminals through two SIGKILLs: each acknowledged one stored exactly once', async () => {
		const dataDir = tempDataDir('bosai-crash-');
		const account = addAccount(dataDir, 'crash-hq', 'hq');
		server = await startServer({ dataDir });
		const port = server.port;
		const { access_token: token } = await signIn(server.url, account);
		const shelters = realShelterIds(terminals);
		const acked = new Set<string>();
		const sentAtLeastOnce = new Set<string>();
		let kills = 0;
		let restarting: Promise<void> | null = null;

		async function crashAndRestart() {
			const victim = server!;
			const exited = new Promise<void>((done) => victim.process.once('exit', () => done()));
			victim.process.kill('SIGKILL');
			await exited;
			kills += 1;
			server = await startServer({ dataDir, port });
		}

		const queues = shelters.map((id, index) =>
			Array.from({ length: perTerminal }, () => reportFor(id, { evacuees: index }))
		);

		async function terminal(index: number) {
			const queue = queues[index];
			for (const report of queue) {
				for (let attempt = 0; ; attempt++) {
					if (restarting) await restarting;
					sentAtLeastOnce.add(report.client_id);
					try {
						const r = await call(server!.url, 'POST', '/api/reports', { token, body: report });
						if (r.status === 201 || r.status === 200) break;
						if (r.status < 500) throw new Error(`report refused: ${r.status} ${JSON.stringify(r.body)}`);
					} catch (error) {
						if (error instanceof Error && error.message.startsWith('report refused')) throw error;
						// connection refused or reset: the server is down; retry the same client_id
					}
					if (attempt > 200) throw new Error('terminal gave up');
					await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
				}
				acked.add(report.client_id);
				if (kills < killAtAcks.length && acked.size >= killAtAcks[kills] && !restarting) {
					restarting = crashAndRestart().finally(() => {
						restarting = null;
					});
				}
			}
		}

		await Promise.all(Array.from({ length: terminals }, (_, i) => terminal(i)));
		if (restarting) await restarting;
		expect(kills).toBe(2);
		expect(acked.size).toBe(terminals * perTerminal);

		const stored = await call<Report[]>(server!.url, 'GET', '/api/reports?limit=5000', { token });
		expect(stored.status).toBe(200);
		const counts = new Map<string, number>();
		for (const report of stored.body) counts.set(report.client_id, (counts.get(report.client_id) ?? 0) + 1);
		const missing = [...acked].filter((id) => !counts.has(id));
		const duplicated = [...counts].filter(([, n]) => n > 1);
		const unknown = [...counts.keys()].filter((id) => !sentAtLeastOnce.has(id));
		expect(missing).toEqual([]);
		expect(duplicated).toEqual([]);
		expect(unknown).toEqual([]);
		expect(stored.body.length).toBe(terminals * perTerminal);
		// Each terminal's reports were stored in its sending order (ids follow commit order).
		shelters.forEach((id, index) => {
			const mine = stored.body.filter((r) => r.shelter_id === id).sort((a, b) => a.id - b.id);
			expect(mine.map((r) => r.client_id)).toEqual(queues[index].map((r) => r.client_id));
		});
	}, 240_000);
});
