/**
 * `node bench/alert-delivery.ts [--sizes 10000,50000] [--concurrency 32]`: an alert for 市内全域 to
 * N synthetic push subscribers, from issue to the last push accepted by a loopback push service
 * (no decryption there, so it costs little CPU of its own), through the real pieces: migrations on
 * PGlite, the outbox trigger, the delivery worker (claim / bounded pool / web-push encryption and
 * VAPID / fetch / settle). Baseline in the same run: a bare `web-push` send loop (same
 * concurrency, same service, no database). Also measured: report→event latency (submit_report to
 * its realtime message) while the send runs, against the same with no send.
 * Figures are ratios to the baselines measured in the same run: the machine may be shared.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import webpush from 'web-push';
import { openDatabase } from '../src/lib/server/db/index.ts';
import type { Database } from '../src/lib/server/db/types.ts';
import { runPool } from '../src/lib/notify/schedule.ts';
import { PushRequestBuilder, fetchTransport } from '../src/lib/server/notify/push-transport.ts';
import { DeliveryWorker } from '../src/lib/server/notify/worker.ts';
import { applyReportRate } from '../src/lib/server/api/report-rate.ts';
import { startPushService } from '../tests/support/push-service.ts';
import { createFixtures, ids, reportBody, shelterA } from '../tests/unit/db-fixtures.ts';
import { insertSyntheticPushSubscribers } from '../tests/unit/notify-fixtures.ts';
import { reportFigure } from './report.ts';

const { values } = parseArgs({
	options: {
		sizes: { type: 'string', default: '10000,50000' },
		concurrency: { type: 'string', default: '32' }
	}
});
const sizes = values.sizes.split(',').map(Number);
const concurrency = Number(values.concurrency);

const quantile = (sorted: number[], q: number) =>
	sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/** Reports as staff A at ~20/s until `stop()`; answers each report's submit→event latency (ms). */
function reportProbe(db: Database) {
	const pending = new Map<string, number>();
	const latencies: number[] = [];
	const unlisten = db.onRealtime((message) => {
		const id = (message.payload as { client_id?: string } | null)?.client_id;
		if (message.topic === 'hq' && message.event === 'report' && id && pending.has(id)) {
			latencies.push(performance.now() - pending.get(id)!);
			pending.delete(id);
		}
	});
	let running = true;
	const loop = (async () => {
		while (running) {
			const body = reportBody(shelterA);
			pending.set(body.client_id, performance.now());
			await db.asUser({ sub: ids.staffA, role: 'authenticated' }, (tx) =>
				tx.query('select public.submit_report($1)', [JSON.stringify(body)])
			);
			await new Promise((r) => setTimeout(r, 50));
		}
	})();
	return {
		async stop() {
			running = false;
			await loop;
			await new Promise((r) => setTimeout(r, 200));
			unlisten();
			return latencies.sort((a, b) => a - b);
		}
	};
}

// The probe reports as one staff account at ~20/s, beyond the per-account limit (30 a minute).
const probeRate = { perMinute: 100_000, perHour: 1_000_000 };
const push = await startPushService({ decrypt: false });
const vapid = { ...webpush.generateVAPIDKeys(), subject: 'mailto:bench@bosai.example.jp' };
const transport = fetchTransport({ loopbackHttp: true });

// Report→event with no send: the baseline of the latency figures.
const idleDir = mkdtempSync(join(tmpdir(), 'bosai-bench-delivery-'));
const idle = await openDatabase({ driver: 'pglite', dataDir: join(idleDir, 'data') });
await createFixtures(idle);
await applyReportRate(idle, probeRate);
const idleProbe = reportProbe(idle);
await new Promise((r) => setTimeout(r, 5000));
const idleLatency = await idleProbe.stop();
await idle.close();
rmSync(idleDir, { recursive: true, force: true });
const idleP99 = quantile(idleLatency, 0.99);
console.log(
	`report→event without a send: p50 ${quantile(idleLatency, 0.5).toFixed(1)} ms, p99 ${idleP99.toFixed(1)} ms (${idleLatency.length} reports)`
);

for (const n of sizes) {
	// Baseline: a bare web-push loop to the same service, no database.
	const builder = new PushRequestBuilder(vapid);
	const target = { endpoint: `${push.origin}/push/baseline`, keys: push.sharedKeys.keys };
	const payload = JSON.stringify({
		v: 1,
		title: '警戒レベル5 緊急安全確保',
		body: '対象：市内全域\n（合成）'
	});
	const bareStart = performance.now();
	await runPool([...Array(n).keys()], concurrency, async (i) => {
		const request = builder.build({ ...target, endpoint: `${push.origin}/push/baseline-${i}` }, payload, {
			ttlSeconds: 3600,
			urgency: 'high',
			topic: 'baseline'
		});
		const answer = await transport(request);
		if (answer.status !== 201) throw new Error(`baseline push: ${answer.status}`);
	});
	const bareSeconds = (performance.now() - bareStart) / 1000;

	const dir = mkdtempSync(join(tmpdir(), 'bosai-bench-delivery-'));
	const db = await openDatabase({ driver: 'pglite', dataDir: join(dir, 'data') });
	await createFixtures(db);
	await applyReportRate(db, probeRate);
	await insertSyntheticPushSubscribers(db, {
		n,
		base: `${push.origin}/push`,
		areas: ['all'],
		keys: push.sharedKeys
	});
	const worker = new DeliveryWorker({
		db,
		vapid,
		transport,
		mailer: null,
		origin: null,
		pushHosts: ['127.0.0.1'],
		concurrency
	});
	const before = push.accepted();
	const probe = reportProbe(db);
	const issuedAt = Date.now();
	const start = performance.now();
	await db.asUser({ sub: ids.hq, role: 'authenticated' }, (tx) =>
		tx.query('select public.issue_alert($1)', [
			JSON.stringify({ level: 5, hazard: 'flood', areas: ['all'], text: { ja: '（合成）緊急安全確保' } })
		])
	);
	const enqueueMs = performance.now() - start;
	worker.start();
	const deadline = Date.now() + 30 * 60_000;
	while (push.accepted() - before < n) {
		if (Date.now() > deadline) throw new Error(`only ${push.accepted() - before} of ${n} pushes in 30 min`);
		await new Promise((r) => setTimeout(r, 20));
	}
	const seconds = (performance.now() - start) / 1000;
	const sendLatency = await probe.stop();
	await worker.stop();
	const perDelivery = [...push.acceptedPerId().keys()]
		.filter((id) => /^\d+$/.test(id))
		.map((id) => push.messages(id).at(-1)!.receivedAt - issuedAt)
		.sort((a, b) => a - b);
	await db.close();
	rmSync(dir, { recursive: true, force: true });

	const rate = n / seconds;
	const bareRate = n / bareSeconds;
	const p99 = quantile(sendLatency, 0.99);
	console.log(
		`${n}: alert → last push ${seconds.toFixed(1)} s (${rate.toFixed(0)}/s; enqueue ${enqueueMs.toFixed(0)} ms), ` +
			`bare web-push loop ${bareSeconds.toFixed(1)} s (${bareRate.toFixed(0)}/s); per delivery p50 ` +
			`${quantile(perDelivery, 0.5)} ms p99 ${quantile(perDelivery, 0.99)} ms; report→event during the send p50 ` +
			`${quantile(sendLatency, 0.5).toFixed(1)} ms p99 ${p99.toFixed(1)} ms (${sendLatency.length} reports)`
	);
	reportFigure({
		name: `alert delivery ${n}: deliveries/s`,
		value: Math.round(rate),
		unit: '/s',
		target: '',
		pass: null
	});
	reportFigure({
		name: `alert delivery ${n}: rate vs bare web-push loop`,
		value: rate / bareRate,
		unit: '×',
		target: '≥ 0.5×',
		pass: rate / bareRate >= 0.5
	});
	reportFigure({
		name: `alert delivery ${n}: per-delivery p99`,
		value: quantile(perDelivery, 0.99),
		unit: 'ms',
		target: '',
		pass: null
	});
	reportFigure({
		name: `alert delivery ${n}: report→event p99 during send`,
		value: p99,
		unit: 'ms',
		target: '≤ 1000 ms',
		pass: p99 <= 1000,
		note: `${(p99 / idleP99).toFixed(1)}× the p99 without a send (${idleP99.toFixed(1)} ms)`
	});
}
await push.close();
