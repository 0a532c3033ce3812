// The password-check queue's rest (issue 18): under a queue, hashing holds at most 1/(1+ratio) of
// its slot, so a sign-in flood cannot keep a core busy; a lone sign-in starts at once.
import { describe, expect, it } from 'vitest';
import { PasswordCheckQueue } from '#lib/server/auth/check-queue.ts';

const busy = (ms: number) => () =>
	new Promise<number>((resolve) => setTimeout(() => resolve(performance.now()), ms));

function enterOk(queue: PasswordCheckQueue, address: string) {
	const place = queue.enter(address);
	if (!place.ok) throw new Error('refused');
	return place;
}

describe('password-check queue rest', () => {
	it('starts a waiting check only after the finished one rested as long as it ran', async () => {
		const queue = new PasswordCheckQueue({ concurrency: 1, maxWaiting: 4, perAddress: 4, restRatio: 1 });
		const first = enterOk(queue, 'a').run(busy(80));
		const started: number[] = [];
		const second = enterOk(queue, 'b').run(async () => {
			started.push(performance.now());
			return 0;
		});
		const firstEnded = await first;
		await second;
		expect(started[0] - firstEnded).toBeGreaterThanOrEqual(70);
		expect(queue.size).toEqual({ running: 0, waiting: 0 });
	});

	it('with no rest the next check starts at once', async () => {
		const queue = new PasswordCheckQueue({ concurrency: 1, maxWaiting: 4, perAddress: 4, restRatio: 0 });
		const first = enterOk(queue, 'a').run(busy(80));
		let startedAt = 0;
		const second = enterOk(queue, 'b').run(async () => {
			startedAt = performance.now();
			return 0;
		});
		const firstEnded = await first;
		await second;
		expect(startedAt - firstEnded).toBeLessThan(40);
	});

	it('a lone check starts at once and frees its slot when done, with no rest', async () => {
		const queue = new PasswordCheckQueue({ concurrency: 1, maxWaiting: 4, perAddress: 4, restRatio: 4 });
		const before = performance.now();
		await enterOk(queue, 'a').run(busy(60));
		expect(queue.size).toEqual({ running: 0, waiting: 0 });
		const startedAt = await enterOk(queue, 'a').run(async () => performance.now());
		expect(startedAt - before).toBeLessThan(60 + 40);
	});

	it('counts the rest in Retry-After', async () => {
		const queue = new PasswordCheckQueue({ concurrency: 1, maxWaiting: 2, perAddress: 4, restRatio: 4 });
		const places = ['a', 'b', 'c'].map((address) => enterOk(queue, address));
		const refused = queue.enter('d');
		expect(refused.ok).toBe(false);
		if (!refused.ok) {
			expect(refused.refusal.status).toBe(503);
			// 3 ahead × 200 ms (the starting average) × (1 + 4) = 3 s; without the rest it would be 1 s.
			expect(new Headers(refused.refusal.headers).get('retry-after')).toBe('3');
		}
		await Promise.all(places.map((place) => place.run(async () => 0)));
	});
});
