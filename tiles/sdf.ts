/**
 * Signed distance fields from vector outlines, the way MapLibre expects them for glyphs and SDF
 * icons (same encoding as TinySDF: radius 8, cutoff 0.25, 255 = deep inside).
 */

export type Segment = [number, number, number, number];

export const sdfRadius = 8;
const cutoff = 0.25;

function distanceToSegment(px: number, py: number, [x1, y1, x2, y2]: Segment): number {
	const dx = x2 - x1;
	const dy = y2 - y1;
	const lengthSquared = dx * dx + dy * dy;
	const t =
		lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / lengthSquared));
	const cx = x1 + t * dx - px;
	const cy = y1 + t * dy - py;
	return Math.sqrt(cx * cx + cy * cy);
}

/** Non-zero winding: font outlines and our icons are drawn with the non-zero rule. */
function winding(px: number, py: number, segments: Segment[]): number {
	let count = 0;
	for (const [x1, y1, x2, y2] of segments) {
		if (y1 <= py) {
			if (y2 > py && (x2 - x1) * (py - y1) - (px - x1) * (y2 - y1) > 0) count++;
		} else if (y2 <= py && (x2 - x1) * (py - y1) - (px - x1) * (y2 - y1) < 0) count--;
	}
	return count;
}

/**
 * Renders `segments` (pixel units, y down) into a width × height field whose pixel (0,0) covers
 * the area starting at (originX, originY).
 */
export function renderSdf(
	segments: Segment[],
	width: number,
	height: number,
	originX: number,
	originY: number
): Uint8Array {
	const out = new Uint8Array(width * height);
	for (let row = 0; row < height; row++) {
		for (let col = 0; col < width; col++) {
			const px = originX + col + 0.5;
			const py = originY + row + 0.5;
			let distance = Infinity;
			for (const segment of segments) distance = Math.min(distance, distanceToSegment(px, py, segment));
			const signed = winding(px, py, segments) !== 0 ? -distance : distance;
			out[row * width + col] = Math.max(
				0,
				Math.min(255, Math.round(255 - 255 * (signed / sdfRadius + cutoff)))
			);
		}
	}
	return out;
}

type PathCommand =
	| { type: 'M' | 'L'; x: number; y: number }
	| { type: 'Q'; x1: number; y1: number; x: number; y: number }
	| { type: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
	| { type: 'Z' };

/** Flattens path commands (opentype.js style) into line segments. */
export function flattenPath(commands: PathCommand[], steps = 8): Segment[] {
	const segments: Segment[] = [];
	let x = 0;
	let y = 0;
	let startX = 0;
	let startY = 0;
	const lineTo = (nx: number, ny: number) => {
		if (nx !== x || ny !== y) segments.push([x, y, nx, ny]);
		x = nx;
		y = ny;
	};
	for (const command of commands) {
		if (command.type === 'M') {
			if (x !== startX || y !== startY) lineTo(startX, startY);
			x = startX = command.x;
			y = startY = command.y;
		} else if (command.type === 'L') lineTo(command.x, command.y);
		else if (command.type === 'Q') {
			const [x0, y0] = [x, y];
			for (let i = 1; i <= steps; i++) {
				const t = i / steps;
				const u = 1 - t;
				lineTo(
					u * u * x0 + 2 * u * t * command.x1 + t * t * command.x,
					u * u * y0 + 2 * u * t * command.y1 + t * t * command.y
				);
			}
		} else if (command.type === 'C') {
			const [x0, y0] = [x, y];
			for (let i = 1; i <= steps; i++) {
				const t = i / steps;
				const u = 1 - t;
				lineTo(
					u * u * u * x0 + 3 * u * u * t * command.x1 + 3 * u * t * t * command.x2 + t * t * t * command.x,
					u * u * u * y0 + 3 * u * u * t * command.y1 + 3 * u * t * t * command.y2 + t * t * t * command.y
				);
			}
		} else lineTo(startX, startY);
	}
	if (x !== startX || y !== startY) lineTo(startX, startY);
	return segments;
}
