/**
 * Latin glyph ranges (MapLibre glyph PBF, SDF) built from Noto Sans (npm
 * @expo-google-fonts/noto-sans, SIL OFL 1.1) with opentype.js. Japanese text is drawn by the
 * browser's own font (MapLibre localIdeographFontFamily), so only Latin, Greek/Cyrillic-free
 * punctuation and symbol ranges carry glyphs; every other range is written empty so MapLibre
 * never requests a missing file.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import opentype, { type Font } from 'opentype.js';
import { glyphRangeStarts } from '../src/lib/map/glyph-ranges.ts';
import { ProtoWriter } from './protobuf.ts';
import { flattenPath, renderSdf } from './sdf.ts';

export const fontStacks = [
	{
		name: 'Noto Sans Regular',
		file: 'node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'
	},
	{ name: 'Noto Sans Bold', file: 'node_modules/@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf' }
];

const fontSize = 24;
const buffer = 3;
/** Ranges that get real glyphs: Latin-1, Latin Extended-A/B, General Punctuation, arrows. */
const glyphRanges = new Set(glyphRangeStarts);

function encodeGlyph(font: Font, codePoint: number, ascender: number): Uint8Array | null {
	const glyph = font.charToGlyph(String.fromCodePoint(codePoint));
	if (!glyph || glyph.index === 0) return null;
	const advance = Math.round(((glyph.advanceWidth ?? 0) * fontSize) / font.unitsPerEm);
	const path = glyph.getPath(0, 0, fontSize);
	const box = path.getBoundingBox();
	const writer = new ProtoWriter().uint(1, codePoint);
	if (!path.commands.length || box.x2 <= box.x1) {
		return writer.uint(3, 0).uint(4, 0).sint(5, 0).sint(6, -ascender).uint(7, advance).finish();
	}
	const left = Math.floor(box.x1);
	const top = Math.floor(box.y1);
	const width = Math.ceil(box.x2) - left;
	const height = Math.ceil(box.y2) - top;
	const segments = flattenPath(path.commands as Parameters<typeof flattenPath>[0]);
	const bitmap = renderSdf(segments, width + 2 * buffer, height + 2 * buffer, left - buffer, top - buffer);
	return writer
		.bytesField(2, bitmap)
		.uint(3, width)
		.uint(4, height)
		.sint(5, left)
		.sint(6, -top - ascender)
		.uint(7, advance)
		.finish();
}

function encodeRange(font: Font | null, name: string, start: number): Uint8Array {
	const stack = new ProtoWriter().string(1, name).string(2, `${start}-${start + 255}`);
	if (font) {
		const ascender = Math.round((font.ascender * fontSize) / font.unitsPerEm);
		for (let codePoint = start; codePoint <= start + 255; codePoint++) {
			const glyph = encodeGlyph(font, codePoint, ascender);
			if (glyph) stack.bytesField(3, glyph);
		}
	}
	return new ProtoWriter().bytesField(1, stack.finish()).finish();
}

/** Writes <outDir>/<fontstack>/<start>-<end>.pbf for every range of the Basic Multilingual Plane. */
export function buildGlyphs(repoRoot: string, outDir: string): { stacks: string[]; files: number } {
	let files = 0;
	for (const stack of fontStacks) {
		const bytes = readFileSync(join(repoRoot, stack.file));
		const font = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
		const dir = join(outDir, stack.name);
		mkdirSync(dir, { recursive: true });
		for (let start = 0; start < 65536; start += 256) {
			writeFileSync(
				join(dir, `${start}-${start + 255}.pbf`),
				encodeRange(glyphRanges.has(start) ? font : null, stack.name, start)
			);
			files++;
		}
	}
	return { stacks: fontStacks.map((stack) => stack.name), files };
}
