/**
 * JMA ingest throughput and latency. (1) Every telegram of ../shared/data/jma, repeated: a bare
 * fast-xml-parser parse (the baseline), our strict parse for 狛江市, and parse + store through
 * jma_ingest() on embedded PGlite — reported as telegrams/s and as ratios to the baseline measured
 * in the same run (the machine may be shared). To store every repetition, each copy gets a
 * SYNTHETIC ReportDateTime (加工), else it would be a duplicate. (2) Feed-to-store-to-live latency:
 * a loopback feed gets a telegram, the poller's round stores it, and the time until the
 * `in_effect` realtime message reaches the server's listener (what /hq renders from) is measured.
 * The on-screen part in Chromium is measured by tests/e2e/jma.test.ts. Run: `node bench/jma-ingest.ts`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { XMLParser } from 'fast-xml-parser';
import { parseTelegram } from '../src/lib/jma/telegram.ts';
import { openDatabase } from '../src/lib/server/db/index.ts';
import { ingestTelegram } from '../src/lib/server/jma/ingest.ts';
import { JmaPoller } from '../src/lib/server/jma/poller.ts';
import { reportFigure } from './report.ts';

const root = resolve(process.env.BOSAI_JMA_DATA ?? '../shared/data/jma');
const files = ['official-samples', 'official-samples-2026', 'real-telegrams'].flatMap((dir) =>
	readdirSync(join(root, dir))
		.filter((f) => f.endsWith('.xml'))
		.map((f) => readFileSync(join(root, dir, f), 'utf8'))
);
const repeats = Number(process.env.BENCH_JMA_REPEATS ?? 5);
const total = files.length * repeats;

function timed(run: () => void): number {
	const start = performance.now();
	run();
	return (performance.now() - start) / 1000;
}

const bare = new XMLParser({ ignoreAttributes: false });
// Warm both paths up first, so neither pays the JIT for the other.
for (const xml of files) {
	bare.parse(xml);
	parseTelegram(xml);
}
const baseline = timed(() => {
	for (let r = 0; r < repeats; r++) for (const xml of files) bare.parse(xml);
});
const ours = timed(() => {
	for (let r = 0; r < repeats; r++) for (const xml of files) parseTelegram(xml);
});

const dir = mkdtempSync(join(tmpdir(), 'bench-jma-'));
const db = await openDatabase({ driver: 'pglite', dataDir: join(dir, 'data') });
const minute = (r: number) =>
	`2026-12-02T${String(1 + (r % 20)).padStart(2, '0')}:${String(r % 60).padStart(2, '0')}:00+09:00`;
let stored = 0;
const storeStart = performance.now();
for (let r = 0; r < repeats; r++) {
	for (const xml of files) {
		const copy = xml.replace(
			/<ReportDateTime>[^<]*<\/ReportDateTime>/,
			`<ReportDateTime>${minute(r)}</ReportDateTime>`
		);
		const result = await ingestTelegram(db, copy, { source: 'drop' });
		if (result.outcome === 'stored') stored++;
	}
}
const storeSeconds = (performance.now() - storeStart) / 1000;

reportFigure({
	name: 'jma bare XML parse',
	value: total / baseline,
	unit: 'telegrams/s',
	target: '',
	pass: null,
	note: `${files.length} samples × ${repeats}`
});
reportFigure({
	name: 'jma strict parse for 狛江市',
	value: total / ours,
	unit: 'telegrams/s',
	target: '',
	pass: null,
	note: `${(ours / baseline).toFixed(2)}× the bare parse time`
});
reportFigure({
	name: 'jma parse + store (PGlite)',
	value: total / storeSeconds,
	unit: 'telegrams/s',
	target: '',
	pass: null,
	note: `${(storeSeconds / baseline).toFixed(1)}× the bare parse time; ${stored} of ${total} concern 狛江市 and were stored`
});

// (2) feed → store → live message.
let telegram = '';
let round = 0;
const feedServer = createServer((req, res) => {
	const origin = `http://${req.headers.host}`;
	if (req.url === '/data/t.xml') return void res.writeHead(200).end(telegram);
	const entry = telegram
		? `<entry><title>気象警報・注意報（Ｈ２７）</title><id>urn:synthetic:bench:${round}</id><updated>2026-12-02T00:00:00Z</updated><author><name>気象庁予報部</name></author><link href="${origin}/data/t.xml"/></entry>`
		: '';
	res
		.writeHead(200)
		.end(`<feed xmlns="http://www.w3.org/2005/Atom" lang="ja"><title>b</title>${entry}</feed>`);
});
await new Promise<void>((done) => feedServer.listen(0, '127.0.0.1', done));
const poller = new JmaPoller({
	db,
	baseUrl: `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/`,
	log: () => {}
});
const sample = readFileSync(join(root, 'official-samples/15_12_02_161130_VPWW54.xml'), 'utf8');
const latencies: number[] = [];
for (let i = 0; i < 5; i++) {
	round = i;
	// SYNTHETIC: a new time each round, and Komae's statuses flipped so what is in effect changes.
	telegram = sample
		.replace(
			/<ReportDateTime>[^<]*<\/ReportDateTime>/,
			`<ReportDateTime>2026-12-03T0${i}:00:00+09:00</ReportDateTime>`
		)
		.replaceAll('<Status>継続</Status>', i % 2 ? '<Status>継続</Status>' : '<Status>発表</Status>');
	const start = performance.now();
	const seen = new Promise<void>((done) => {
		const stop = db.onRealtime((m) => {
			if (m.topic === 'jma' && m.event === 'in_effect') {
				stop();
				done();
			}
		});
	});
	await poller.round();
	await seen;
	latencies.push(performance.now() - start);
}
latencies.sort((a, b) => a - b);
reportFigure({
	name: 'jma feed → stored → live message',
	value: latencies[Math.floor(latencies.length / 2)],
	unit: 'ms (median of 5, excl. the 60 s poll wait)',
	target: '',
	pass: null,
	note: 'screen latency: tests/e2e/jma.test.ts'
});

feedServer.close();
await db.close();
rmSync(dir, { recursive: true, force: true });
