/** Retry delays: exponential, capped, with "equal jitter" so terminals that lost the line together do not all retry in the same second. */
export interface BackoffOptions {
	baseMs?: number;
	capMs?: number;
	random?: () => number;
}

export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
	const { baseMs = 1_000, capMs = 60_000, random = Math.random } = options;
	const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
	return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
