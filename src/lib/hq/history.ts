/** A shelter's history chart: evacuees (line) and crowding (steps) over time, as SVG paths. */
import { crowdingLevels, type Crowding } from '../domain/vocabulary.ts';

export interface HistoryPoint {
	at: number;
	evacuees: number | null;
	crowding: Crowding;
}

export interface Chart {
	width: number;
	height: number;
	evacueesPath: string;
	crowdingPath: string;
	maxEvacuees: number;
	from: number;
	to: number;
}

/** Crowding as a 0..1 height: vacant lowest, full highest, unknown breaks the line. */
function crowdingHeight(crowding: Crowding): number | null {
	if (crowding === 'unknown') return null;
	return (crowdingLevels.indexOf(crowding) + 1) / 4;
}

function path(points: { x: number; y: number | null }[], steps: boolean): string {
	let d = '';
	let previous: { x: number; y: number } | null = null;
	for (const point of points) {
		if (point.y === null) {
			previous = null;
			continue;
		}
		if (!previous) d += `M${point.x.toFixed(1)},${point.y.toFixed(1)}`;
		else if (steps) d += `H${point.x.toFixed(1)}V${point.y.toFixed(1)}`;
		else d += `L${point.x.toFixed(1)},${point.y.toFixed(1)}`;
		previous = { x: point.x, y: point.y };
	}
	return d;
}

export function historyChart(points: readonly HistoryPoint[], width = 320, height = 120): Chart {
	const sorted = [...points].sort((a, b) => a.at - b.at);
	const from = sorted[0]?.at ?? 0;
	const to = sorted[sorted.length - 1]?.at ?? from;
	const span = Math.max(1, to - from);
	const maxEvacuees = Math.max(1, ...sorted.map((p) => p.evacuees ?? 0));
	const pad = 4;
	const x = (at: number) => pad + ((at - from) / span) * (width - 2 * pad);
	const y = (share: number) => height - pad - share * (height - 2 * pad);
	return {
		width,
		height,
		maxEvacuees,
		from,
		to,
		evacueesPath: path(
			sorted.map((p) => ({ x: x(p.at), y: p.evacuees === null ? null : y(p.evacuees / maxEvacuees) })),
			false
		),
		crowdingPath: path(
			sorted.map((p) => {
				const share = crowdingHeight(p.crowding);
				return { x: x(p.at), y: share === null ? null : y(share) };
			}),
			true
		)
	};
}
