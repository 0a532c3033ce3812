/**
 * Keeps a refetch from undoing live events. A refresh asks the server for the whole list; a live
 * event that arrives while that request is in flight may be newer than the answer (the answer was
 * read before the event's change committed). Overwriting the list with the answer would then drop
 * the event: a 警戒レベル4 alert received live vanished until the next minute's refresh. So each
 * fetch records the events that arrive while it is open, and they are replayed on its answer.
 * Overlapping fetches: an answer older than one already applied is dropped.
 */
export class FetchWindow<Event> {
	readonly #open = new Set<Event[]>();
	#begun = 0;
	#applied = 0;

	/** Opens a fetch; keep the ticket for `end`. */
	begin(): FetchTicket<Event> {
		const events: Event[] = [];
		this.#open.add(events);
		return { seq: ++this.#begun, events };
	}

	/** A live event arrived: every open fetch will replay it. */
	record(event: Event): void {
		for (const events of this.#open) events.push(event);
	}

	/** Closes a fetch that failed: nothing to apply. */
	abandon(ticket: FetchTicket<Event>): void {
		this.#open.delete(ticket.events);
	}

	/**
	 * Closes a fetch that answered. Returns the events to replay, in arrival order, on its answer;
	 * or null when a fetch begun later has already been applied (this answer is older: drop it).
	 */
	end(ticket: FetchTicket<Event>): Event[] | null {
		this.#open.delete(ticket.events);
		if (ticket.seq < this.#applied) return null;
		this.#applied = ticket.seq;
		return ticket.events;
	}
}

export interface FetchTicket<Event> {
	readonly seq: number;
	readonly events: Event[];
}
