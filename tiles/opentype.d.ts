// The parts of opentype.js 2 (no bundled types) that the glyph builder uses.
declare module 'opentype.js' {
	export interface PathCommand {
		type: 'M' | 'L' | 'Q' | 'C' | 'Z';
		x?: number;
		y?: number;
		x1?: number;
		y1?: number;
		x2?: number;
		y2?: number;
	}
	export interface Path {
		commands: PathCommand[];
		getBoundingBox(): { x1: number; y1: number; x2: number; y2: number };
	}
	export interface Glyph {
		index: number;
		advanceWidth?: number;
		getPath(x: number, y: number, fontSize: number): Path;
	}
	export interface Font {
		unitsPerEm: number;
		ascender: number;
		charToGlyph(char: string): Glyph;
	}
	export function parse(buffer: ArrayBuffer): Font;
	const opentype: { parse: typeof parse };
	export default opentype;
}
