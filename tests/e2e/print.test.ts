/**
 * Paper in real Chromium: each printable page printed to PDF (DevTools Page.printToPDF through
 * Playwright's page.pdf, A4), read back with poppler (pdfinfo, pdftotext, pdftoppm): A4, the
 * expected page counts, every shelter name, and QR codes that decode (jsQR) to the right URL.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { gotoHydrated, useBrowser } from '../support/browser.ts';

const baseURL = inject('baseURL');
const accounts = inject('accounts');
const harness = useBrowser();
const work = mkdtempSync(join(tmpdir(), 'bosai-print-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Printed {
	pages: number;
	/** Width × height in PDF points. */
	size: [number, number];
	text: (first?: number, last?: number) => string;
	/** Page `n` rendered at `dpi` as RGBA. */
	raster: (n: number, dpi: number) => { data: Uint8ClampedArray; width: number; height: number };
}

async function printPdf(page: Page, name: string): Promise<Printed> {
	const file = join(work, `${name}.pdf`);
	writeFileSync(file, await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }));
	const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
	const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
	return {
		pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
		size: [Number(size[1]), Number(size[2])],
		text: (first = 1, last = 9999) =>
			execFileSync('pdftotext', ['-f', String(first), '-l', String(last), '-enc', 'UTF-8', file, '-'], {
				encoding: 'utf8',
				maxBuffer: 64 * 1024 * 1024
			}),
		raster: (n, dpi) => {
			const prefix = join(work, `${name}-${n}`);
			execFileSync('pdftoppm', [
				'-r',
				String(dpi),
				'-f',
				String(n),
				'-l',
				String(n),
				'-singlefile',
				file,
				prefix
			]);
			return readPpm(readFileSync(`${prefix}.ppm`));
		}
	};
}

/** Binary PPM (P6, as pdftoppm writes it) to RGBA. */
function readPpm(bytes: Buffer) {
	const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 64).toString('latin1'))!;
	const [width, height] = [Number(header[1]), Number(header[2])];
	const rgb = bytes.subarray(header[0].length);
	const data = new Uint8ClampedArray(width * height * 4);
	for (let i = 0, j = 0; i < width * height; i += 1, j += 3) {
		data.set([rgb[j]!, rgb[j + 1]!, rgb[j + 2]!, 255], i * 4);
	}
	return { data, width, height };
}

function crop(image: { data: Uint8ClampedArray; width: number }, x: number, y: number, w: number, h: number) {
	const out = new Uint8ClampedArray(w * h * 4);
	for (let row = 0; row < h; row += 1) {
		const from = ((y + row) * image.width + x) * 4;
		out.set(image.data.subarray(from, from + w * 4), row * w * 4);
	}
	return out;
}

/** Slides a window down a vertical strip (in mm) and returns every distinct QR text found. */
function qrsInStrip(image: ReturnType<Printed['raster']>, dpi: number, fromMm: number, toMm: number) {
	const px = (mm: number) => Math.round((mm / 25.4) * dpi);
	const [x, w, h, step] = [px(fromMm), px(toMm - fromMm), px(24), px(3)];
	const found = new Set<string>();
	for (let y = 0; y + h <= image.height; y += step) {
		const code = jsQR(crop(image, x, y, w, h), w, h);
		if (code?.data) found.add(code.data);
	}
	return [...found];
}

const squash = (text: string) => text.replace(/\s+/g, '');
const isA4 = ([w, h]: [number, number]) => Math.abs(w - 595.28) < 1 && Math.abs(h - 841.89) < 1;

describe('printable pages', () => {
	it('residents’ 避難所一覧: A4, per hazard, every public shelter named, QRs to each live page', async () => {
		const collection = (await (await fetch(`${baseURL}/api/shelters`)).json()) as {
			features: { properties: { id: string; name: string; hazards: string[] } }[];
		};
		const listed = collection.features.filter((f) => f.properties.hazards.length > 0);
		const hazardCount = new Set(listed.flatMap((f) => f.properties.hazards)).size;
		const { page } = await harness.newPage();
		await gotoHydrated(page, `${baseURL}/print/shelters`);
		expect(await page.locator('section.print-sheet').count()).toBe(hazardCount);
		const pdf = await printPdf(page, 'shelters');
		expect(isA4(pdf.size)).toBe(true);
		// One to four pages per hazard (each hazard starts a new page).
		expect(pdf.pages).toBeGreaterThanOrEqual(hazardCount);
		expect(pdf.pages).toBeLessThanOrEqual(hazardCount * 4);
		const text = squash(pdf.text());
		expect(text).toContain('避難所一覧');
		for (const feature of listed)
			expect(text, feature.properties.name).toContain(squash(feature.properties.name));
		// QRs in the first column of page 1 decode to shelter pages of this site, named on that page.
		const firstPage = squash(pdf.text(1, 1));
		const urls = qrsInStrip(pdf.raster(1, 200), 200, 85, 109.5);
		expect(urls.length).toBeGreaterThanOrEqual(2);
		for (const url of urls) {
			const id = decodeURIComponent(url.slice(`${baseURL}/shelters/`.length));
			expect(url.startsWith(`${baseURL}/shelters/`)).toBe(true);
			const shelter = listed.find((f) => f.properties.id === id);
			expect(shelter, url).toBeDefined();
			expect(firstPage).toContain(squash(shelter!.properties.name));
		}
	});

	it('HQ pages need the HQ session; the status sheet and one report form per shelter print on A4', async () => {
		const { page } = await harness.newPage();
		await gotoHydrated(page, `${baseURL}/hq/print/status`);
		await page.waitForSelector('#hq-print-forbidden');
		expect(await page.locator('#print-status-table').count()).toBe(0);

		await gotoHydrated(page, `${baseURL}/hq`);
		await page.fill('#hq-username', accounts.hq.username);
		await page.fill('#hq-password', accounts.hq.password);
		await page.click('form button[type="submit"]');
		await page.waitForSelector('#hq-shelter-table tbody tr');

		await gotoHydrated(page, `${baseURL}/hq/print/status`);
		await page.waitForSelector('#print-status-table tbody tr');
		const names = await page.locator('#print-status-table tbody th').allTextContents();
		expect(names.length).toBeGreaterThan(10);
		const status = await printPdf(page, 'status');
		expect(isA4(status.size)).toBe(true);
		expect(status.pages).toBeGreaterThanOrEqual(1);
		expect(status.pages).toBeLessThanOrEqual(Math.ceil(names.length / 10));
		const statusText = squash(status.text());
		for (const name of names) expect(statusText).toContain(squash(name));

		await gotoHydrated(page, `${baseURL}/hq/print/forms`);
		await page.waitForSelector('article.report-form');
		const forms = await page.locator('article.report-form').count();
		expect(forms).toBe(names.length);
		const firstId = (await page.getAttribute('article.report-form', 'data-shelter-id'))!;
		const pdf = await printPdf(page, 'forms');
		expect(isA4(pdf.size)).toBe(true);
		// One page per shelter.
		expect(pdf.pages).toBe(forms);
		const first = pdf.text(1, 1);
		expect(first).toContain(firstId);
		const firstName = await page.textContent(`article.report-form[data-shelter-id="${firstId}"] h2`);
		expect(squash(first)).toContain(squash(firstName!.split('—').pop()!));
		const image = pdf.raster(1, 150);
		expect(jsQR(image.data, image.width, image.height)?.data).toBe(`${baseURL}/staff`);
	});
});
