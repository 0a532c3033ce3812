import { describe, expect, test } from 'vitest';
import { defaultReportRate, reportRateFromEnv } from '#lib/server/api/report-rate.ts';

describe('BOSAI_REPORT_RATE', () => {
	test('defaults to 30 a minute and 300 an hour', () => {
		expect(reportRateFromEnv({})).toEqual(defaultReportRate);
		expect(defaultReportRate).toEqual({ perMinute: 30, perHour: 300 });
	});

	test('reads "<per minute>/<per hour>"', () => {
		expect(reportRateFromEnv({ BOSAI_REPORT_RATE: '60/1200' })).toEqual({ perMinute: 60, perHour: 1200 });
	});

	test.each(['30', '0/300', '30/10', 'a/b', '30/300/1', '-1/300'])(
		'refuses %s with a clear error',
		(value) => {
			expect(() => reportRateFromEnv({ BOSAI_REPORT_RATE: value })).toThrow(/BOSAI_REPORT_RATE/);
		}
	);
});
