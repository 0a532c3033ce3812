/**
 * The light map preview (tiles/preview.ts) on synthetic layers: drawn in the shared frame, so a
 * point the page projects with preview-frame.ts lands where the SVG drew it; the palette decides
 * the colours; a line shorter than a frame unit is dropped.
 */
import { describe, expect, it } from 'vitest';
import { previewFrame, project } from '#lib/map/preview-frame.ts';
import { latToTileY, lonToTileX } from '#lib/map/tile-math.ts';
import { palettes } from '#lib/map/theme.ts';
import { buildPreviewSvg } from '../../tiles/preview.ts';

const bbox = [139.54, 35.6, 139.61, 35.66] as const;
const line = (coordinates: number[][]) => ({
	type: 'FeatureCollection' as const,
	features: [
		{ type: 'Feature' as const, properties: {}, geometry: { type: 'LineString' as const, coordinates } }
	]
});

describe('light map preview', () => {
	const frame = previewFrame(bbox);

	it('keeps the bbox 1000 units wide and Mercator-tall, corners at the frame edges', () => {
		expect(frame.width).toBe(1000);
		expect(frame.height).toBeGreaterThan(1000); // 35.6° N: a degree of latitude is longer
		expect(project(frame, bbox[0], bbox[3])).toEqual([0, 0]);
		const [east, south] = project(frame, bbox[2], bbox[1]);
		expect(east).toBe(1000);
		expect(Math.abs(south - frame.height)).toBeLessThanOrEqual(0.5); // the height is whole units
		// The same Mercator as the tile numbers.
		expect(lonToTileX(139.54, 16)).toBe(Math.floor(((139.54 + 180) / 360) * 2 ** 16));
		expect(latToTileY(35.6, 16)).toBeGreaterThan(latToTileY(35.66, 16));
	});

	it('draws each layer in the palette, in the frame, dropping sub-unit steps', () => {
		const svg = buildPreviewSvg(
			{
				waterways: line([
					[139.55, 35.65],
					[139.55, 35.65000001],
					[139.6, 35.61]
				]),
				roads: line([[139.57, 35.62]])
			},
			frame,
			palettes.dark
		);
		expect(svg).toContain(`viewBox="0 0 1000 ${frame.height}"`);
		expect(svg).toContain(`fill="${palettes.dark.background}"`);
		const [x1, y1] = project(frame, 139.55, 35.65);
		const [x2, y2] = project(frame, 139.6, 35.61);
		expect(svg).toContain(`d="M${x1} ${y1}L${x2} ${y2}"`);
		expect(svg).toContain(`stroke="${palettes.dark.water}"`);
		// A one-point road has no line to draw.
		expect(svg).not.toContain(`stroke="${palettes.dark.road}"`);
	});
});
