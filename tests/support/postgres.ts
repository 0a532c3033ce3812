/**
 * A throwaway PostgreSQL cluster from Debian's `postgresql` package, for tests that prove the
 * migrations and RLS do not depend on PGlite. initdb/pg_ctl refuse to run as root, so as root
 * they run as the `postgres` OS user (runuser); data and socket live in a temp dir, the server
 * listens on a free loopback port. Missing binaries fail the test with a clear message: CI's
 * .ci/run installs `postgresql`.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server.ts';

export interface PostgresCluster {
	connectionString: string;
	/** A connection string for a new, empty database in this cluster. */
	createDatabase(name: string): Promise<string>;
	stop(): Promise<void>;
}

function binDir(): string {
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root)
		? readdirSync(root)
				.filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (versions.length === 0) {
		throw new Error(
			'PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: ' +
				'install Debian\'s "postgresql" package (apt-get install postgresql); .ci/run does this in CI.'
		);
	}
	return join(root, versions[0], 'bin');
}

/**
 * `durable`: PostgreSQL's production settings (fsync, synchronous commit), for benchmarks that
 * compare it with PGlite; tests use the fast throwaway settings.
 */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<PostgresCluster> {
	const bin = binDir();
	const asRoot = process.getuid?.() === 0;
	const run = (tool: string, args: string[]) => {
		const [command, argv] = asRoot
			? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]]
			: [join(bin, tool), args];
		return execFileSync(command, argv, { stdio: 'pipe', encoding: 'utf8' });
	};
	const base = mkdtempSync(join(tmpdir(), 'bosai-pg-'));
	const data = join(base, 'data');
	const socket = join(base, 'socket');
	mkdirSync(socket);
	if (asRoot) {
		const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
		const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
		chownSync(base, uid, gid);
		chownSync(socket, uid, gid);
	}
	const port = await freePort();
	try {
		run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
		// Durability is PGlite's test; this throwaway cluster trades it for speed.
		const settings = [
			`-c listen_addresses=127.0.0.1 -p ${port} -k ${socket}`,
			options.durable ? '' : '-c fsync=off -c synchronous_commit=off -c full_page_writes=off',
			'-c max_connections=50'
		].join(' ');
		run('pg_ctl', ['-D', data, '-o', settings, '-l', join(base, 'server.log'), '-w', 'start']);
	} catch (error) {
		rmSync(base, { recursive: true, force: true });
		const detail = error as { stderr?: string; message: string };
		throw new Error(`starting PostgreSQL failed: ${detail.stderr || detail.message}`, {
			cause: error
		});
	}
	const connectionString = `postgres://postgres@127.0.0.1:${port}/postgres`;
	return {
		connectionString,
		async createDatabase(name: string) {
			if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
			const pg = (await import('pg')).default;
			const client = new pg.Client({ connectionString });
			await client.connect();
			try {
				await client.query(`create database ${name}`);
			} finally {
				await client.end();
			}
			return `postgres://postgres@127.0.0.1:${port}/${name}`;
		},
		async stop() {
			try {
				run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
			} finally {
				rmSync(base, { recursive: true, force: true });
			}
		}
	};
}
