import { describe, expect, it } from 'vitest';
import { newClientId } from '#lib/outbox/uuid.ts';
import { reportInputSchema } from '#lib/domain/report.ts';
import { report } from './outbox-fixtures.ts';

describe('newClientId', () => {
	it('makes valid, distinct v4 UUIDs without crypto.randomUUID (plain-http LAN terminals)', () => {
		const insecure = { getRandomValues: crypto.getRandomValues.bind(crypto) } as Pick<
			Crypto,
			'getRandomValues'
		>;
		const ids = Array.from({ length: 500 }, () => newClientId(insecure));
		for (const id of ids) {
			expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
			expect(reportInputSchema.safeParse(report(1, { client_id: id })).success).toBe(true);
		}
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('uses crypto.randomUUID where the context has it', () => {
		expect(
			newClientId({ getRandomValues: () => new Uint8Array(), randomUUID: () => 'from-platform' } as never)
		).toBe('from-platform');
	});
});
