/**
 * Admission control of GET /api/live (L3 of issue 18: 3,000 anonymous streams were accepted, each
 * holding a socket and ~3.6 KiB of server memory). A stream takes a place for its whole life:
 * at most `perAddress` from one client address and `total` in all. A refused stream costs no
 * database work: it is answered before topic authorization, with 429 (this address has too many)
 * or 503 (the server is full) and Retry-After.
 *
 * Per address: many residents share an address behind a mobile carrier's NAT or a shelter's
 * Wi-Fi, so the default is generous; a reverse proxy must pass the client address (adapter-node's
 * ADDRESS_HEADER / XFF_DEPTH), or every stream counts as the proxy's.
 */
import { ApiError } from '../http.ts';

export interface StreamLimits {
	total: number;
	perAddress: number;
	/** Seconds a refused client should wait (Retry-After). */
	retryAfter: number;
}

export const defaultStreamLimits: StreamLimits = { total: 4_000, perAddress: 64, retryAfter: 10 };

export class StreamAdmission {
	readonly limits: StreamLimits;
	readonly #byAddress = new Map<string, number>();
	#total = 0;

	constructor(limits: StreamLimits = defaultStreamLimits) {
		this.limits = limits;
	}

	get total(): number {
		return this.#total;
	}

	/** Takes a place for a stream from `address`; the returned function gives it back (idempotent). */
	admit(address: string): () => void {
		const retry = { 'retry-after': String(this.limits.retryAfter) };
		const mine = this.#byAddress.get(address) ?? 0;
		if (mine >= this.limits.perAddress) {
			throw new ApiError(429, 'too_many_streams', 'Too many live streams from this address', retry);
		}
		if (this.#total >= this.limits.total) {
			throw new ApiError(
				503,
				'server_busy',
				'The server has too many live streams; try again shortly',
				retry
			);
		}
		this.#byAddress.set(address, mine + 1);
		this.#total += 1;
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.#total -= 1;
			const left = (this.#byAddress.get(address) ?? 1) - 1;
			if (left > 0) this.#byAddress.set(address, left);
			else this.#byAddress.delete(address);
		};
	}
}
