/**
 * `npm run backup` against the running embedded server in the middle of a 500-report burst, then
 * wipe, `npm run restore`, start: every report acknowledged before the backup began is there and
 * served. Real server, real CLIs, real PGlite data dirs.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { call, createTestAccounts, reportFor, signIn } from '../support/api.ts';
import { sharedServerEnv, startServer, tempDataDir, type RunningServer } from '../support/server.ts';

const servers: RunningServer[] = [];
const dirs: string[] = [];
afterAll(async () => {
	await Promise.all(servers.map((s) => s.stop()));
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function cli(
	script: string,
	args: string[],
	env: Record<string, string>
): Promise<{ code: number | null; out: string }> {
	return new Promise((done) => {
		const child = spawn(process.execPath, [resolve(`scripts/${script}.ts`), ...args], {
			env: { ...process.env, ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let out = '';
		child.stdout.on('data', (c) => (out += c));
		child.stderr.on('data', (c) => (out += c));
		child.on('exit', (code) => done({ code, out }));
	});
}

describe('backup and restore of a running embedded server', () => {
	test('a backup taken during a 500-report burst restores every report acknowledged before it began', async () => {
		const dataDir = tempDataDir('bosai-backup-e2e-');
		const backups = mkdtempSync(join(tmpdir(), 'bosai-backups-e2e-'));
		dirs.push(dataDir, backups);
		const accounts = createTestAccounts(dataDir);
		// One staff account sends the whole burst: lift the per-account report rate (not tested here).
		const server = await startServer({ dataDir, env: sharedServerEnv });
		servers.push(server);
		const token = (await signIn(server.url, accounts.staffA)).access_token;

		const acknowledgedAt = new Map<string, number>();
		const burst = Array.from({ length: 500 }, (_, i) =>
			reportFor(accounts.staffA.shelter_id, { evacuees: i })
		);
		let next = 0;
		const sender = async () => {
			while (next < burst.length) {
				const report = burst[next++];
				const answer = await call(server.url, 'POST', '/api/reports', { token, body: report });
				expect(answer.status).toBe(201);
				acknowledgedAt.set(report.client_id, performance.now());
			}
		};
		const senders = Array.from({ length: 8 }, sender);
		while (acknowledgedAt.size < 150) await new Promise((r) => setTimeout(r, 10));
		const backupBegan = performance.now();
		const backup = await cli('backup', ['--out', backups], { BOSAI_DATA_DIR: dataDir });
		await Promise.all(senders);
		expect(backup.code, backup.out).toBe(0);
		const file = backup.out.trim().split('\n').at(-1) ?? '';
		expect(existsSync(file), file).toBe(true);
		expect(acknowledgedAt.size).toBe(500);
		const before = [...acknowledgedAt].filter(([, at]) => at < backupBegan).map(([id]) => id);
		expect(before.length).toBeGreaterThanOrEqual(150);
		// Taken during the burst: reports were still being acknowledged after the backup began.
		expect(before.length).toBeLessThan(500);
		await server.stop();

		// Wipe: a new, empty data dir. The restore refuses the old one (not empty).
		const refused = await cli('restore', [file], { BOSAI_DATA_DIR: dataDir });
		expect(refused.code).not.toBe(0);
		expect(refused.out).toMatch(/not empty/);
		const fresh = join(mkdtempSync(join(tmpdir(), 'bosai-restored-')), 'data');
		dirs.push(fresh);
		const restore = await cli('restore', [file], { BOSAI_DATA_DIR: fresh });
		expect(restore.code, restore.out).toBe(0);

		const restored = await startServer({ dataDir: fresh });
		servers.push(restored);
		const hq = (await signIn(restored.url, accounts.hq)).access_token;
		const reports = await call<{ client_id: string }[]>(restored.url, 'GET', `/api/reports?limit=5000`, {
			token: hq
		});
		expect(reports.status).toBe(200);
		const present = new Set(reports.body.map((r) => r.client_id));
		const missing = before.filter((id) => !present.has(id));
		expect(missing, 'acknowledged before the backup began, missing after restore').toEqual([]);
	}, 180_000);
});
