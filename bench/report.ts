/**
 * The one line format every benchmark prints for each figure, so `npm run bench` can gather them
 * into one table: `BENCH {"name","value","unit","target","pass","note"}`.
 */
export interface BenchFigure {
	name: string;
	value: number;
	unit: string;
	/** Human-readable target, e.g. "≤ 100" or "≥ 20×"; empty when the figure is informational. */
	target: string;
	/** null when there is no target to pass or fail. */
	pass: boolean | null;
	note?: string;
}

export function reportFigure(figure: BenchFigure): void {
	console.log(`BENCH ${JSON.stringify(figure)}`);
}

export function parseFigures(output: string): BenchFigure[] {
	return output
		.split('\n')
		.filter((line) => line.startsWith('BENCH {'))
		.map((line) => JSON.parse(line.slice('BENCH '.length)) as BenchFigure);
}

/** A figure with a budget: printed as a BENCH line and as a plain `PASS`/`FAIL` line. */
export function reportBudget(figure: BenchFigure & { pass: boolean }): void {
	reportFigure(figure);
	console.log(
		`${figure.pass ? 'PASS' : 'FAIL'}  ${figure.name}: ${figure.value} ${figure.unit} (budget ${figure.target})`
	);
}
