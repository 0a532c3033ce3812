import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BackendError } from '#lib/backend/port.ts';
import { backoffDelay } from '#lib/outbox/backoff.ts';
import { classifyFailure } from '#lib/outbox/classify.ts';

describe('backoffDelay', () => {
	it('doubles per attempt up to the cap and keeps the jitter within [ceiling/2, ceiling]', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 40 }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				(attempt, r) => {
					const ceiling = Math.min(60_000, 1_000 * 2 ** (attempt - 1));
					const delay = backoffDelay(attempt, { random: () => r });
					return delay >= Math.floor(ceiling / 2) && delay <= ceiling;
				}
			)
		);
		expect(backoffDelay(1, { random: () => 1 })).toBe(1_000);
		expect(backoffDelay(4, { random: () => 1 })).toBe(8_000);
		expect(backoffDelay(30, { random: () => 1 })).toBe(60_000);
		expect(backoffDelay(30, { random: () => 0 })).toBe(30_000);
	});
});

describe('classifyFailure', () => {
	it.each([
		[new TypeError('Failed to fetch'), 'retry'],
		[new BackendError(500, 'internal', ''), 'retry'],
		[new BackendError(503, 'unavailable', ''), 'retry'],
		[new BackendError(429, 'rate_limited', ''), 'retry'],
		[new BackendError(408, 'timeout', ''), 'retry'],
		[new BackendError(401, 'unauthorized', ''), 'auth'],
		[new BackendError(400, 'invalid_body', ''), 'reject'],
		[new BackendError(403, 'forbidden', ''), 'reject'],
		[new BackendError(422, 'invalid', ''), 'reject']
	])('%s → %s', (error, kind) => {
		expect(classifyFailure(error)).toBe(kind);
	});
});
