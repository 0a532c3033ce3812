/**
 * The basemap's glyph ranges (MapLibre glyph PBFs, 256 code points each), shared by the tile build
 * (tiles/glyphs.ts writes them) and the service worker (which caches them).
 *
 * Only Latin and punctuation ranges carry glyphs: Japanese is drawn with the device's font
 * (localIdeographFontFamily). Every other range is an empty file, so the service worker answers it
 * without the network. It precaches only Latin-1 (digits, the English names under labels): the
 * other four ranges cost ~440 kB gzip, were 40% of a resident's first visit, and a Japanese map
 * rarely draws them. They are cached the first time a label needs them.
 */
export const glyphRangeStarts: readonly number[] = [0, 256, 512, 8192, 8448];
export const precachedGlyphRangeStarts: readonly number[] = [0];

const glyphPath = /^\/generated\/map\/glyphs\/[^/]+\/(\d+)-(\d+)\.pbf$/;

/** The first code point of the glyph range a URL path asks for, or null for any other path. */
export function glyphRangeStart(pathname: string): number | null {
	const match = glyphPath.exec(pathname);
	if (!match) return null;
	const start = Number(match[1]);
	return Number(match[2]) === start + 255 && start % 256 === 0 ? start : null;
}
