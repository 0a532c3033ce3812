/** Paper: hazard groups and their order, the outline projection, and QR codes that decode. */
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrShape, quietZone } from '#lib/print/qr.ts';
import { byHazard, project, type PrintShelter } from '#lib/print/sheets.ts';

const base = { lon: 139.58, lat: 35.63, inside_city: true };
const synthetic: PrintShelter[] = [
	{ ...base, id: 's1', name: '合成 福祉', address: '狛江市A町', hazards: ['flood'], welfare: true },
	{
		...base,
		id: 's2',
		name: '合成 小学校',
		address: '狛江市B町',
		hazards: ['flood', 'earthquake'],
		welfare: false
	},
	{ ...base, id: 's3', name: '合成 中学校', address: '狛江市A町', hazards: ['flood'], welfare: false },
	{ ...base, id: 's4', name: '合成 公園', address: '狛江市C町', hazards: [], welfare: false }
];

/** Rasterizes a QR shape (scale px per module) to RGBA for jsQR, parsing our own path. */
function rasterize(text: string, scale = 4) {
	const shape = qrShape(text);
	const side = shape.size * scale;
	const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
	for (const [, x, y] of shape.d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
		for (let dy = 0; dy < scale; dy += 1) {
			for (let dx = 0; dx < scale; dx += 1) {
				const offset = ((Number(y) * scale + dy) * side + Number(x) * scale + dx) * 4;
				pixels.fill(0, offset, offset + 3);
			}
		}
	}
	return { pixels, side };
}

describe('shelter list for paper', () => {
	it('one group per hazard that has shelters; general before 福祉, then address, then name', () => {
		const groups = byHazard(synthetic, ['earthquake', 'flood', 'tsunami']);
		expect(groups.map((g) => g.hazard)).toEqual(['earthquake', 'flood']);
		expect(groups[1]!.shelters.map((s) => s.id)).toEqual(['s3', 's2', 's1']);
		expect(groups.flatMap((g) => g.shelters).some((s) => s.id === 's4')).toBe(false);
	});

	it('projects points inside the box with north up and east right', () => {
		const points = project(
			[
				{ lon: 139.56, lat: 35.62 },
				{ lon: 139.6, lat: 35.65 }
			],
			400,
			300
		);
		for (const [x, y] of points) {
			expect(x).toBeGreaterThanOrEqual(12);
			expect(x).toBeLessThanOrEqual(388);
			expect(y).toBeGreaterThanOrEqual(12);
			expect(y).toBeLessThanOrEqual(288);
		}
		expect(points[1]![0]).toBeGreaterThan(points[0]![0]);
		expect(points[1]![1]).toBeLessThan(points[0]![1]);
		expect(project([], 400, 300)).toEqual([]);
	});
});

describe('QR codes', () => {
	it('decode to the exact URL', () => {
		for (const url of ['http://127.0.0.1:4173/shelters/E1321900001111', 'https://example.jp/staff']) {
			const { pixels, side } = rasterize(url);
			expect(jsQR(pixels, side, side)?.data).toBe(url);
		}
	});

	it('keep the 4-module quiet zone', () => {
		const shape = qrShape('https://example.jp/staff');
		const coords = [...shape.d.matchAll(/M(\d+) (\d+)/g)].flatMap(([, x, y]) => [Number(x), Number(y)]);
		expect(Math.min(...coords)).toBe(quietZone);
		expect(Math.max(...coords)).toBe(shape.size - quietZone - 1);
	});
});
