import { describe, expect, it } from 'vitest';
import { reportInputSchema } from '#lib/domain/report.ts';
import {
	buildReport,
	capacityShare,
	draftFromReport,
	emptyDraft,
	keypadInput,
	parseEvacuees,
	repeatReport,
	stepEvacuees
} from '#lib/staff/draft.ts';

const context = {
	shelterId: 'synthetic-shelter-1',
	clientId: '7d5b8a52-3f0e-4a3b-9d6c-2f1e0a9b8c7d',
	now: new Date('2026-11-25T12:00:00Z')
};

describe('staff report draft', () => {
	it('builds a report the server schema accepts from a complete draft', () => {
		const result = buildReport(
			{
				status: 'open',
				evacuees: ' 120 ',
				crowding: 'slightly_crowded',
				needs: ['water', 'blankets'],
				note: ' 体育館 '
			},
			context
		);
		expect(result).toEqual({
			ok: true,
			report: {
				client_id: context.clientId,
				shelter_id: context.shelterId,
				status: 'open',
				evacuees: 120,
				crowding: 'slightly_crowded',
				needs: ['water', 'blankets'],
				note: '体育館',
				reported_at: '2026-11-25T12:00:00.000Z'
			}
		});
		if (result.ok) expect(reportInputSchema.safeParse(result.report).success).toBe(true);
	});

	it('names every wrong field with its message key and nothing else', () => {
		const result = buildReport(
			{ status: null, evacuees: '12a', crowding: null, needs: [], note: 'x'.repeat(501) },
			context
		);
		expect(result).toEqual({
			ok: false,
			errors: {
				status: 'staff.error.status',
				evacuees: 'staff.error.evacuees',
				crowding: 'staff.error.crowding',
				note: 'staff.error.note'
			}
		});
		const tooMany = buildReport(
			{ ...emptyDraft(), status: 'open', crowding: 'full', evacuees: '100001' },
			context
		);
		expect(tooMany).toEqual({ ok: false, errors: { evacuees: 'staff.error.evacuees' } });
	});

	it('an empty headcount means "not counted" (null), never 0', () => {
		const result = buildReport({ ...emptyDraft(), status: 'preparing', crowding: 'unknown' }, context);
		expect(result.ok && result.report.evacuees).toBeNull();
	});

	it('reads full-width digits typed with a Japanese IME', () => {
		expect(parseEvacuees('１２３')).toBe(123);
		expect(parseEvacuees('')).toBeNull();
		expect(parseEvacuees('-3')).toBeNaN();
		expect(parseEvacuees('1.5')).toBeNaN();
	});

	it('the stepper clamps to 0 … 100,000 and treats empty as 0', () => {
		expect(stepEvacuees('', 1)).toBe('1');
		expect(stepEvacuees('5', -10)).toBe('0');
		expect(stepEvacuees('99995', 10)).toBe('100000');
		expect(stepEvacuees('abc', 10)).toBe('10');
	});

	it('the keypad appends digits, drops a leading zero, deletes and clears, and stops at 6 digits', () => {
		let value = '';
		for (const key of ['0', '4', '2'] as const) value = keypadInput(value, key);
		expect(value).toBe('42');
		expect(keypadInput(value, 'back')).toBe('4');
		expect(keypadInput(value, 'clear')).toBe('');
		expect(keypadInput('123456', '7')).toBe('123456');
	});

	it('repeats the last report: same values, fresh client_id and time; or a new headcount', () => {
		const built = buildReport(
			{ status: 'open', evacuees: '80', crowding: 'crowded', needs: ['food'], note: 'a' },
			context
		);
		if (!built.ok) throw new Error('draft should be valid');
		const later = new Date('2026-11-25T12:30:00Z');
		const same = repeatReport(built.report, { clientId: '0b7e1c2a-1111-4222-8333-444455556666', now: later });
		expect(same).toEqual({
			...built.report,
			client_id: '0b7e1c2a-1111-4222-8333-444455556666',
			reported_at: later.toISOString()
		});
		const counted = repeatReport(built.report, { clientId: crypto.randomUUID(), now: later, evacuees: 95 });
		expect(counted.evacuees).toBe(95);
		expect(counted.crowding).toBe('crowded');
		expect(draftFromReport(built.report)).toEqual({
			status: 'open',
			evacuees: '80',
			crowding: 'crowded',
			needs: ['food'],
			note: 'a'
		});
	});

	it('shows a capacity share only when both numbers are known', () => {
		expect(capacityShare(50, 200)).toBe(0.25);
		expect(capacityShare(null, 200)).toBeNull();
		expect(capacityShare(50, null)).toBeNull();
		expect(capacityShare(Number.NaN, 200)).toBeNull();
	});
});
