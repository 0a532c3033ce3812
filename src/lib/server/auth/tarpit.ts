/**
 * Refused sign-ins (429/503) are answered after a pause. Refusing costs the server little, but a
 * client that resends at once can make it refuse thousands of times a second, and that alone
 * fills the main thread signed-in requests need (issue 18, H1). A pause of one second caps such a
 * client at one refusal per second per connection it holds open. At most `maxHeld` refusals wait at
 * once (each is an open socket); past that they are answered at once. The pause is jittered
 * (0.5–1.5 × delay) so a burst refused together does not come back together.
 */
export class Tarpit {
	readonly #delayMs: number;
	readonly #maxHeld: number;
	#held = 0;

	constructor(delayMs = 1000, maxHeld = 2000) {
		this.#delayMs = delayMs;
		this.#maxHeld = maxHeld;
	}

	async hold(): Promise<void> {
		if (this.#held >= this.#maxHeld || this.#delayMs <= 0) return;
		this.#held++;
		try {
			await new Promise((resolve) => setTimeout(resolve, this.#delayMs * (0.5 + Math.random())));
		} finally {
			this.#held--;
		}
	}
}
