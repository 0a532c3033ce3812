/**
 * A report acknowledged by the embedded database survives SIGKILL: a child process commits
 * reports and prints an ack after each; it is killed right after the Nth ack, the data dir is
 * reopened, and every acknowledged client_id must be there. Prints ms per durable report.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { openDatabase } from '#lib/server/db/index.ts';

const child = join(import.meta.dirname, 'db-durability.child.ts');
const dir = mkdtempSync(join(tmpdir(), 'bosai-durability-'));
const dataDir = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('every acknowledged report survives SIGKILL of the process', async () => {
	const target = 200;
	const acked: string[] = [];
	const timings: number[] = [];
	let stderr = '';
	const proc = spawn(process.execPath, [child, 'reports', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
	const exited = new Promise<NodeJS.Signals | null>((resolve) =>
		proc.on('exit', (_code, signal) => resolve(signal))
	);
	proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	let buffer = '';
	proc.stdout.on('data', (chunk: Buffer) => {
		buffer += chunk.toString();
		const lines = buffer.split('\n');
		buffer = lines.pop() ?? '';
		for (const line of lines) {
			const [kind, clientId, ms] = line.split(' ');
			if (kind !== 'ack') continue;
			acked.push(clientId);
			timings.push(Number(ms));
			// Kill on the spot, in the same tick as the ack: no time for any later flush.
			if (acked.length === target) proc.kill('SIGKILL');
		}
	});
	expect(await exited, stderr).toBe('SIGKILL');
	expect(acked.length).toBeGreaterThanOrEqual(target);

	const db = await openDatabase({ driver: 'pglite', dataDir });
	try {
		const stored = await db.asService((tx) =>
			tx.query<{ client_id: string }>('select client_id::text from public.shelter_reports')
		);
		const present = new Set(stored.rows.map((row) => row.client_id));
		expect(acked.filter((id) => !present.has(id))).toEqual([]);
		// The status trigger committed with each report.
		const status = await db.asService((tx) =>
			tx.query<{ n: number }>('select count(*)::int as n from public.shelter_status')
		);
		expect(status.rows[0].n).toBe(1);
	} finally {
		await db.close();
	}
	const sorted = [...timings].sort((a, b) => a - b);
	const mean = timings.reduce((sum, t) => sum + t, 0) / timings.length;
	console.log(
		`durable report via asUser+submit_report (PGlite on disk): ${timings.length} acks, ` +
			`mean ${mean.toFixed(2)} ms, p50 ${sorted[Math.floor(sorted.length / 2)].toFixed(2)} ms, ` +
			`p99 ${sorted[Math.floor(sorted.length * 0.99)].toFixed(2)} ms; all ${acked.length} found after SIGKILL`
	);
}, 120_000);

test('the server database closes on SIGTERM and the process ends', async () => {
	// The data dir of the test above (already initialized: no second initdb).
	const proc = spawn(process.execPath, [child, 'serve'], {
		stdio: ['pipe', 'pipe', 'pipe'],
		env: { ...process.env, BOSAI_DATA_DIR: dataDir, BOSAI_CITY: 'synthetic-none' }
	});
	let output = '';
	const ready = new Promise<void>((resolve) =>
		proc.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			if (output.includes('ready')) resolve();
		})
	);
	proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
	await ready;
	const signalled = Date.now();
	proc.kill('SIGTERM');
	// stdin stays open, so only the database's signal handler ends this process (exit 143).
	expect(await exited, output).toBe(143);
	expect(Date.now() - signalled, output).toBeLessThan(20_000);
	// A missing shelters file is a warning, not a crash.
	expect(output).toContain('no shelter data');
}, 120_000);
