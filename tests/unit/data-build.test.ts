/**
 * `npm run data` as a command: byte-identical rebuilds, --if-stale, hazards only when configured,
 * --strict failing on bad rows, and the optional download from a configured URL (served here by
 * a local HTTP server on 127.0.0.1 with the synthetic fixtures, so no internet is needed).
 */
import { execFile, spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	utimesSync,
	writeFileSync
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const synthetic = resolve(root, 'tests/fixtures/synthetic');
const temp = (name: string) => mkdtempSync(join(tmpdir(), `bosai-data-${name}-`));

function runData(args: string[], env: Record<string, string> = {}) {
	const run = spawnSync(process.execPath, [resolve(root, 'scripts/data/build.ts'), ...args], {
		cwd: root,
		encoding: 'utf8',
		env: { ...process.env, ...env }
	});
	return { status: run.status, out: run.stdout + run.stderr };
}

/** Async variant: the test's own HTTP server must keep answering while the import runs. */
function runDataAsync(args: string[]): Promise<{ status: number; out: string }> {
	return new Promise((done) => {
		execFile(
			process.execPath,
			[resolve(root, 'scripts/data/build.ts'), ...args],
			{ cwd: root },
			(error, stdout, stderr) => done({ status: error ? Number(error.code ?? 1) : 0, out: stdout + stderr })
		);
	});
}

/** The synthetic city (tests/fixtures/synthetic) into `out`, plus extra options. */
const syntheticArgs = (out: string, ...extra: string[]) => [
	'--config',
	join(synthetic, 'synthetic-city.json'),
	'--input',
	synthetic,
	'--out',
	out,
	...extra
];

const files = (dir: string) =>
	readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name).slice(dir.length))
		.sort();

// Each case starts real import processes (≈1–3 s each on a busy CI machine).
describe('npm run data', { timeout: 90_000 }, () => {
	it('builds the real Komae data byte-identically twice', () => {
		const [a, b] = [temp('a'), temp('b')];
		expect(runData(['--out', a]).status).toBe(0);
		expect(runData(['--out', b]).status).toBe(0);
		expect(files(a)).toEqual(['/boundary.geojson', '/import-log.json', '/shelters.json', '/towns.json']);
		for (const file of files(a))
			expect(readFileSync(join(b, file)).equals(readFileSync(join(a, file)))).toBe(true);
		const shelters = JSON.parse(readFileSync(join(a, 'shelters.json'), 'utf8'));
		expect(shelters.city).toEqual({ code: '132195', name: '狛江市' });
		expect(shelters.generated_at).toBe('2025-10-27T00:00:00.000Z');
		expect(shelters.shelters).toHaveLength(47);
		const log = JSON.parse(readFileSync(join(a, 'import-log.json'), 'utf8'));
		expect(log.counts).toMatchObject({ duplicates_removed: 16, shelters: 47, outside_city: 1, towns: 41 });
		expect(existsSync(join(a, 'hazards'))).toBe(false);
	});

	it('--if-stale skips fresh outputs and rebuilds after an input changes', () => {
		const input = temp('input');
		cpSync(resolve(synthetic), input, { recursive: true });
		const out = temp('out');
		const args = [
			'--config',
			join(input, 'synthetic-city.json'),
			'--input',
			input,
			'--out',
			out,
			'--if-stale'
		];
		expect(runData(args).out).toContain('4 shelters');
		expect(runData(args).out).toContain('up to date');
		const future = new Date(Date.now() + 60_000);
		utimesSync(join(input, 'synthetic-towns.json'), future, future);
		expect(runData(args).out).not.toContain('up to date');
	});

	it('imports configured hazard zones with source and edition, and reports skipped rows with lines', () => {
		const out = temp('hazards');
		const run = runData(syntheticArgs(out));
		expect(run.status).toBe(0);
		expect(run.out).toContain('synthetic-gsi-emergency.json line 3');
		expect(run.out).toContain('synthetic-A31a.geojson line 4');
		const flood = JSON.parse(readFileSync(join(out, 'hazards/synthetic-flood.geojson'), 'utf8'));
		expect(flood.source).toMatchObject({ id: 'synthetic-flood', edition: '2099-02-01', schema: 'A31a' });
		expect(flood.features.map((f: { properties: { rank: number } }) => f.properties.rank)).toEqual([2, 4]);
		const log = JSON.parse(readFileSync(join(out, 'import-log.json'), 'utf8'));
		expect(log.hazards.map((h: { id: string; zones: number }) => [h.id, h.zones])).toEqual([
			['synthetic-flood', 2],
			['synthetic-landslide', 2]
		]);
		expect(log.generated_at).toBe('2099-03-01T00:00:00.000Z');
	});

	it('--strict fails the import on the first bad row, naming its line', () => {
		const out = temp('strict');
		const run = runData(syntheticArgs(out, '--strict'));
		expect(run.status).toBe(1);
		expect(run.out).toMatch(/synthetic-gsi-emergency\.json line 3: .*地震/);
		expect(existsSync(join(out, 'shelters.json'))).toBe(false);
	});

	describe('--download from a configured official URL', () => {
		let server: Server;
		afterAll(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

		it('fetches missing files from the (local) publisher and imports them', async () => {
			const served: string[] = [];
			server = createServer((request, response) => {
				const name = (request.url ?? '/').slice(1);
				served.push(name);
				const path = join(synthetic, name);
				if (!/^[\w.-]+$/.test(name) || !existsSync(path)) {
					response.writeHead(404).end();
					return;
				}
				response.writeHead(200, { 'content-type': 'application/json' }).end(readFileSync(path));
			});
			await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
			const address = server.address();
			const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
			const config = JSON.parse(readFileSync(join(synthetic, 'synthetic-city.json'), 'utf8'));
			for (const source of [...config.sources, ...config.hazards]) source.download = `${base}/${source.file}`;
			const dir = temp('download');
			writeFileSync(join(dir, 'city.json'), JSON.stringify(config));
			const empty = temp('empty');
			const out = join(dir, 'out');

			const without = await runDataAsync([
				'--config',
				join(dir, 'city.json'),
				'--input',
				empty,
				'--out',
				out
			]);
			expect(without.status).toBe(1);
			expect(without.out).toContain('--download');

			const run = await runDataAsync([
				'--config',
				join(dir, 'city.json'),
				'--input',
				empty,
				'--out',
				out,
				'--download'
			]);
			expect(run.status).toBe(0);
			expect(served).toContain('synthetic-gsi-emergency.json');
			expect(served).toContain('synthetic-A31a.geojson');
			const shelters = JSON.parse(readFileSync(join(out, 'shelters.json'), 'utf8'));
			expect(shelters.shelters).toHaveLength(4);
		});
	});
});
