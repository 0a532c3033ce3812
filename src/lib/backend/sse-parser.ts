/**
 * An incremental parser of the text/event-stream format (WHATWG HTML § 9.2), for reading
 * GET /api/live with fetch() — which, unlike EventSource, can send an Authorization header.
 */
export interface SseEvent {
	id: string | null;
	event: string;
	data: string;
}

export class SseParser {
	#buffer = '';
	#data: string[] = [];
	#event = '';
	#id: string | null = null;
	/** The last id seen, carried across events as the spec's "last event ID buffer". */
	lastEventId: string | null = null;
	/** A `retry:` value sent by the server, in ms. */
	retry: number | null = null;

	/** Feeds a decoded chunk; returns the complete events it finished. */
	push(chunk: string): SseEvent[] {
		this.#buffer += chunk;
		const events: SseEvent[] = [];
		for (;;) {
			const match = /\r\n|\r|\n/.exec(this.#buffer);
			if (!match) break;
			// A lone trailing \r may be the first half of \r\n: wait for more input.
			if (match[0] === '\r' && match.index === this.#buffer.length - 1) break;
			const line = this.#buffer.slice(0, match.index);
			this.#buffer = this.#buffer.slice(match.index + match[0].length);
			const event = this.#line(line);
			if (event) events.push(event);
		}
		return events;
	}

	#line(line: string): SseEvent | null {
		if (line === '') {
			if (this.#id !== null) this.lastEventId = this.#id;
			const event =
				this.#data.length > 0
					? { id: this.lastEventId, event: this.#event || 'message', data: this.#data.join('\n') }
					: null;
			this.#data = [];
			this.#event = '';
			this.#id = null;
			return event;
		}
		if (line.startsWith(':')) return null;
		const colon = line.indexOf(':');
		const name = colon === -1 ? line : line.slice(0, colon);
		let value = colon === -1 ? '' : line.slice(colon + 1);
		if (value.startsWith(' ')) value = value.slice(1);
		if (name === 'data') this.#data.push(value);
		else if (name === 'event') this.#event = value;
		else if (name === 'id' && !value.includes('\0')) this.#id = value;
		else if (name === 'retry' && /^\d+$/.test(value)) this.retry = Number(value);
		return null;
	}
}
