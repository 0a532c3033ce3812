/**
 * Starts the real production server (`npm start`: scripts/start.ts over the build) on a free
 * loopback port with its own data dir.
 * Used by the e2e global setup and by tests that must kill and restart the server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The e2e suite's shared server(s): one staff account reports for the whole suite, far beyond a
 * real terminal's 30 a minute (tests/e2e/api-rate-limit.test.ts checks the real limit on a server
 * of its own).
 */
export const sharedServerEnv: Record<string, string> = { BOSAI_REPORT_RATE: '100000/1000000' };

export const buildDir = resolve(process.env.BOSAI_BUILD_OUT ?? 'build');

export interface RunningServer {
	url: string;
	port: number;
	dataDir: string;
	process: ChildProcess;
	output: () => string;
	stop: (signal?: NodeJS.Signals) => Promise<void>;
}

export async function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const probe = createServer();
		probe.unref();
		probe.on('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => resolvePort(port));
		});
	});
}

export function tempDataDir(prefix = 'bosai-e2e-'): string {
	return mkdtempSync(join(tmpdir(), prefix));
}

/** `npm start` (scripts/start.ts, the production entry), or plain `node build` (adapter-node only). */
export type ServerEntry = 'start' | 'adapter';

export async function startServer(
	options: {
		dataDir?: string;
		port?: number;
		env?: Record<string, string>;
		entry?: ServerEntry;
		/** Another build than `buildDir` (e.g. a copy a test changes). */
		build?: string;
	} = {}
): Promise<RunningServer> {
	const port = options.port ?? (await freePort());
	const dataDir = options.dataDir ?? tempDataDir();
	let log = '';
	// BOSAI_SERVER_NODE_ARGS: extra Node flags for the server only (e.g. `--cpu-prof` when profiling a bench).
	const nodeArgs = process.env.BOSAI_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
	const build = options.build ?? buildDir;
	const entry = options.entry === 'adapter' ? [build] : [resolve('scripts/start.ts'), build];
	const child = spawn(process.execPath, [...nodeArgs, ...entry], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			BOSAI_PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
			BOSAI_DATA_DIR: dataDir,
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (chunk) => (log += chunk));
	child.stderr?.on('data', (chunk) => (log += chunk));
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log}`);
		try {
			const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(2_000) });
			if (response.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`server did not start in 60 s:\n${log}`);
		await new Promise((r) => setTimeout(r, 200));
	}
	return {
		url,
		port,
		dataDir,
		process: child,
		output: () => log,
		stop: (signal = 'SIGTERM') =>
			new Promise((done) => {
				if (child.exitCode !== null || child.signalCode !== null) return done();
				child.once('exit', () => done());
				child.kill(signal);
			})
	};
}
