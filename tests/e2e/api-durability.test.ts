/**
 * A report is acknowledged only once it is durable: a server of its own (own data dir) takes
 * reports from 4 concurrent terminals, is killed with SIGKILL right after an acknowledgement
 * (others still in flight), restarts on the same data dir, and every acknowledged report is there.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '#lib/domain/report.ts';
import { addAccount, call, pickShelters, reportFor, signIn } from '../support/api.ts';
import { startServer, tempDataDir, type RunningServer } from '../support/server.ts';

let server: RunningServer | undefined;

afterAll(async () => {
	await server?.stop();
});

describe('SIGKILL durability', () => {
	it('every acknowledged report survives a SIGKILL right after its ack', async () => {
		const dataDir = tempDataDir('bosai-durability-');
		const [shelterId] = pickShelters(dataDir);
		const account = addAccount(dataDir, 'durability-staff', 'staff', shelterId);
		server = await startServer({ dataDir });
		const { access_token: token } = await signIn(server.url, account);
		const acked: string[] = [];
		// Below the staff rate limit of 30 reports a minute (issue 18, L2), with the 3 still in flight.
		const killAfter = 26;
		let killed = false;
		const url = server.url;
		const running = server;

		async function terminal() {
			while (!killed) {
				const report = reportFor(shelterId);
				try {
					const r = await call(url, 'POST', '/api/reports', { token, body: report });
					if (r.status === 201 && !killed) {
						acked.push(report.client_id);
						if (acked.length >= killAfter) {
							killed = true;
							running.process.kill('SIGKILL');
						}
					}
				} catch {
					return; // the connection died with the server
				}
			}
		}
		await Promise.all([terminal(), terminal(), terminal(), terminal()]);
		await new Promise<void>((resolve) => {
			if (running.process.exitCode !== null || running.process.signalCode !== null) resolve();
			else running.process.once('exit', () => resolve());
		});
		expect(running.process.signalCode).toBe('SIGKILL');
		expect(acked.length).toBeGreaterThanOrEqual(killAfter);

		server = await startServer({ dataDir });
		const stored = await call<Report[]>(server.url, 'GET', '/api/reports?limit=5000', { token });
		expect(stored.status).toBe(200);
		const ids = new Set(stored.body.map((r) => r.client_id));
		const lost = acked.filter((id) => !ids.has(id));
		expect(lost).toEqual([]);
	}, 180_000); // two server starts and a CLI run: slow on a busy CI machine
});
