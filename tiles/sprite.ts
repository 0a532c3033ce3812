/**
 * Our icon sprite: simple shapes drawn as SDF icons (recoloured by the style, so one sprite serves
 * light and dark). Shapes differ per shelter kind, so colour is never the only signal.
 * Written as sprite.json/png and sprite@2x.json/png.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng } from './png.ts';
import { icons } from '#lib/map/icons.ts';
import { renderSdf, type Segment } from './sdf.ts';

const size = 24;
const padding = 4;

function segmentsOf(rings: number[][][], scale: number): Segment[] {
	return rings.flatMap((ring) =>
		ring.map((point, i) => {
			const next = ring[(i + 1) % ring.length];
			return [point[0] * scale, point[1] * scale, next[0] * scale, next[1] * scale] as Segment;
		})
	);
}

export function buildSprite(outDir: string): string[] {
	mkdirSync(outDir, { recursive: true });
	const names = Object.keys(icons).sort();
	for (const ratio of [1, 2]) {
		const cell = (size + 2 * padding) * ratio;
		const width = cell * names.length;
		const rgba = new Uint8Array(width * cell * 4);
		const index: Record<string, object> = {};
		names.forEach((name, n) => {
			const field = renderSdf(segmentsOf(icons[name], ratio), cell, cell, -padding * ratio, -padding * ratio);
			for (let row = 0; row < cell; row++) {
				for (let col = 0; col < cell; col++) {
					const at = (row * width + n * cell + col) * 4;
					rgba[at + 3] = field[row * cell + col];
				}
			}
			index[name] = { x: n * cell, y: 0, width: cell, height: cell, pixelRatio: ratio, sdf: true };
		});
		const suffix = ratio === 1 ? '' : `@${ratio}x`;
		writeFileSync(join(outDir, `sprite${suffix}.json`), JSON.stringify(index) + '\n');
		writeFileSync(join(outDir, `sprite${suffix}.png`), encodePng(width, cell, rgba));
	}
	return names;
}
