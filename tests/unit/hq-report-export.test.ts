/**
 * The reports CSV export streams page by page (issue 18, L2: HQ exports had no bound), on a real
 * PGlite with the real migrations: every report exactly once, newest first, across page edges;
 * a caller who is not HQ is refused before any byte is sent. Synthetic rows.
 */
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '#lib/server/http.ts';
import { reportsCsvStream } from '#lib/server/hq/report-export.ts';
import {
	claimsOf,
	createFixtures,
	openTestDatabase,
	reportBody,
	rpc,
	shelterA,
	type OpenedDatabase
} from './db-fixtures.ts';

let opened: OpenedDatabase;
const sent: string[] = [];

beforeAll(async () => {
	opened = await openTestDatabase('pglite');
	await createFixtures(opened.db);
	for (let i = 0; i < 7; i++) {
		const numbers =
			i === 6
				? {
						evacuees_male: 3,
						evacuees_female: 2,
						evacuees_undisclosed: 1,
						households: 4,
						needs_care: 1,
						external_evacuees: 5
					}
				: {};
		const body = reportBody(shelterA, { evacuees: i, ...numbers });
		await rpc(opened.db, 'hq', 'public.submit_report($1)', [body]);
		sent.push(body.client_id);
	}
}, 60_000);
afterAll(async () => opened?.close());

async function read(stream: ReadableStream<Uint8Array>): Promise<{ text: string; chunks: number }> {
	let text = '';
	let chunks = 0;
	// ignoreBOM keeps the BOM in the text (the decoder would swallow it otherwise).
	const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
	for await (const chunk of stream) {
		text += decoder.decode(chunk, { stream: true });
		chunks += 1;
	}
	return { text, chunks };
}

describe('reports CSV stream', () => {
	it('sends every report once, newest first, in pages of the given size', async () => {
		const { text, chunks } = await read(await reportsCsvStream(opened.db, claimsOf('hq'), 3));
		expect(text.startsWith('\uFEFF受信日時,')).toBe(true);
		const rows = Papa.parse<Record<string, string>>(text.slice(1), {
			header: true,
			skipEmptyLines: true
		}).data;
		expect(rows.map((row) => row.client_id)).toEqual([...sent].reverse());
		expect(rows[0]!['避難所名']).toBe('Synthetic shelter A');
		// The 内閣府 numbers travel with each report (the newest one carries a split, the rest none).
		expect(rows[0]).toMatchObject({ 避難者数: '6', 男: '3', 女: '2', 答えたくない: '1', 世帯数: '4' });
		expect(rows[0]).toMatchObject({ 要配慮者数: '1', 外部避難者数: '5' });
		expect(rows[1]).toMatchObject({ 避難者数: '5', 男: '', 世帯数: '', 外部避難者数: '' });
		// Header, then pages of 3, 3 and 1 (the last page is shorter, so no further read).
		expect(chunks).toBe(4);
	});

	it('refuses staff and anonymous callers with a 403 before the stream starts', async () => {
		for (const actor of ['staffA', 'anon'] as const) {
			await expect(reportsCsvStream(opened.db, claimsOf(actor), 3)).rejects.toMatchObject(
				new ApiError(403, 'forbidden', 'Only HQ may do this')
			);
		}
	});
});
