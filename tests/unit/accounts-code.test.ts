/** 端末登録コード and generated secrets (issue 16): shape, forgiving input, no look-alikes. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	codeAlphabet,
	codeFromRandom,
	enrollmentUrl,
	formatCode,
	normalizeCode
} from '#lib/accounts/enrollment-code.ts';
import { generateDeviceName, generateEnrollmentCode, generatePassphrase } from '#lib/server/auth/secrets.ts';
import { usernameSchema } from '#lib/server/auth/accounts.ts';
import { passwordProblem } from '#lib/server/auth/password.ts';

describe('enrollment codes', () => {
	it('are 8 characters without look-alikes', () => {
		expect(codeAlphabet).not.toMatch(/[01ILO]/);
		for (let i = 0; i < 200; i++) expect(generateEnrollmentCode()).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
	});

	it('accept case, spaces and hyphens; refuse anything else', () => {
		expect(normalizeCode(' abcd-2345 ')).toBe('ABCD2345');
		expect(normalizeCode('AB CD 23 45')).toBe('ABCD2345');
		expect(normalizeCode('ABCD-234')).toBeNull();
		expect(normalizeCode('ABCD-23450')).toBeNull();
		expect(normalizeCode('ABCD-1234')).toBeNull(); // 1 is not in the alphabet
		expect(normalizeCode('ABCD-234O')).toBeNull();
		expect(normalizeCode('x'.repeat(100))).toBeNull();
		expect(formatCode('ABCD2345')).toBe('ABCD-2345');
		expect(enrollmentUrl('http://192.0.2.1:3000', 'ABCD2345')).toBe(
			'http://192.0.2.1:3000/staff?enroll=ABCD2345'
		);
	});

	it('take every character about equally often (rejection sampling, no modulo bias)', () => {
		const counts = new Map<string, number>();
		for (let i = 0; i < 12_400; i++) {
			for (const c of codeFromRandom((n) => randomBytes(n))) counts.set(c, (counts.get(c) ?? 0) + 1);
		}
		expect(counts.size).toBe(codeAlphabet.length);
		// 3,200 expected each (σ ≈ 56): ±10 % is over 5 σ.
		for (const [c, n] of counts) expect(Math.abs(n - 3_200), c).toBeLessThan(320);
	});
});

describe('generated account secrets', () => {
	it('passphrases pass the password rule and differ', () => {
		const seen = new Set<string>();
		for (let i = 0; i < 100; i++) {
			const passphrase = generatePassphrase();
			expect(passphrase).toMatch(/^[2-9a-hjkmnp-z]{5}(-[2-9a-hjkmnp-z]{5}){3}$/);
			expect(passwordProblem(passphrase)).toBeNull();
			seen.add(passphrase);
		}
		expect(seen.size).toBe(100);
	});

	it('device names are valid usernames', () => {
		for (let i = 0; i < 50; i++) expect(usernameSchema.safeParse(generateDeviceName()).success).toBe(true);
	});
});
