/**
 * Which glyph URLs the service worker treats as glyph ranges, and that the tile build's real output
 * has glyphs exactly in the ranges glyph-ranges.ts names (the worker answers the others itself).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { glyphRangeStart, glyphRangeStarts, precachedGlyphRangeStarts } from '#lib/map/glyph-ranges.ts';
import { buildGlyphs } from '../../tiles/glyphs.ts';

describe('glyph ranges', () => {
	it('reads the range of a glyph URL path and nothing else', () => {
		expect(glyphRangeStart('/generated/map/glyphs/Noto%20Sans%20Regular/0-255.pbf')).toBe(0);
		expect(glyphRangeStart('/generated/map/glyphs/Noto Sans Bold/8448-8703.pbf')).toBe(8448);
		expect(glyphRangeStart('/generated/map/glyphs/Noto Sans Bold/8448-8000.pbf')).toBeNull();
		expect(glyphRangeStart('/generated/map/glyphs/Noto Sans Bold/1-256.pbf')).toBeNull();
		expect(glyphRangeStart('/generated/map/sprite.png')).toBeNull();
		expect(glyphRangeStart('/generated/map/glyphs/../x/0-255.pbf')).toBeNull();
		expect(precachedGlyphRangeStarts.every((start) => glyphRangeStarts.includes(start))).toBe(true);
	});

	it('the tile build writes glyphs only in the named ranges', () => {
		const glyphDir = mkdtempSync(join(tmpdir(), 'bosai-glyphs-'));
		buildGlyphs(process.cwd(), glyphDir);
		for (const font of readdirSync(glyphDir)) {
			const files = readdirSync(join(glyphDir, font));
			expect(files.length).toBe(256);
			for (const file of files) {
				const start = glyphRangeStart(`/generated/map/glyphs/${font}/${file}`);
				expect(start).not.toBeNull();
				const bytes = statSync(join(glyphDir, font, file)).size;
				if (glyphRangeStarts.includes(start!)) expect(bytes).toBeGreaterThan(10_000);
				else expect(bytes).toBeLessThan(100);
			}
		}
		rmSync(glyphDir, { recursive: true });
	});
});
