/**
 * Runs `task` at most once at a time: calls during a run ask for exactly one more run after it.
 * An order to every designated shelter for a hazard announces one event per shelter; the screens
 * refetch once or twice for the burst, not once per event.
 */
export function coalesced(task: () => Promise<void>): () => Promise<void> {
	let running: Promise<void> | null = null;
	let again = false;
	const run = async (): Promise<void> => {
		do {
			again = false;
			await task();
		} while (again);
	};
	return () => {
		if (running) {
			again = true;
			return running;
		}
		running = run().finally(() => (running = null));
		return running;
	};
}
