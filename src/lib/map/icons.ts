/**
 * Our map icons as outlines in a 24 × 24 box (y down), one closed ring each. The tile build draws
 * them into the SDF sprite; the legend draws the same rings as SVG, so map and legend match.
 * Shapes differ per shelter kind, so colour is never the only signal.
 */
export const icons: Record<string, number[][][]> = {
	// 指定避難所: a house.
	shelter: [
		[
			[12, 2],
			[22, 11],
			[19, 11],
			[19, 22],
			[5, 22],
			[5, 11],
			[2, 11]
		]
	],
	// 指定緊急避難場所: a diamond (open ground to run to).
	emergency_site: [
		[
			[12, 1],
			[23, 12],
			[12, 23],
			[1, 12]
		]
	],
	// Both: a hexagon.
	both: [
		[
			[12, 1],
			[22, 7],
			[22, 17],
			[12, 23],
			[2, 17],
			[2, 7]
		]
	],
	// Railway station: a square.
	station: [
		[
			[4, 4],
			[20, 4],
			[20, 20],
			[4, 20]
		]
	],
	// 福祉避難所 badge: a plus sign.
	welfare: [
		[
			[9, 2],
			[15, 2],
			[15, 9],
			[22, 9],
			[22, 15],
			[15, 15],
			[15, 22],
			[9, 22],
			[9, 15],
			[2, 15],
			[2, 9],
			[9, 9]
		]
	]
};

/** SVG path data of an icon (for legends and lists). */
export function iconPath(name: string): string {
	return (icons[name] ?? []).map((ring) => `M${ring.map(([x, y]) => `${x} ${y}`).join('L')}Z`).join('');
}
