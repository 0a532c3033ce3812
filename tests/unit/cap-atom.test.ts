/** Atom feed of current alerts: RFC 4287 grammar (../shared/schemas/atom.rng) and content. */
import { describe, expect, it } from 'vitest';
import { xmllintErrors } from '../support/xmllint.ts';
import { buildAtomFeed, isCurrentAlert } from '#lib/cap/atom.ts';
import type { Alert } from '#lib/domain/alert.ts';

const now = new Date('2026-11-25T06:00:00Z');
const base: Alert = {
	id: '00000000-0000-4000-8000-000000000001',
	level: 3,
	hazard: 'landslide',
	areas: ['all'],
	text: { ja: '土砂災害 "警戒" <区域> & 周辺' },
	issued_by: null,
	issued_at: '2026-11-25T05:00:00Z',
	cancelled_at: null,
	drill: false
};
const alerts: Alert[] = [
	base,
	{ ...base, id: '00000000-0000-4000-8000-000000000002', cancelled_at: '2026-11-25T05:30:00Z' },
	{ ...base, id: '00000000-0000-4000-8000-000000000003', expires_at: '2026-11-25T05:59:00Z' },
	{
		...base,
		id: '00000000-0000-4000-8000-000000000004',
		drill: true,
		issued_at: '2026-11-25T05:10:00Z',
		expires_at: '2026-11-25T07:00:00Z'
	}
];

describe('Atom feed', () => {
	const feed = buildAtomFeed(alerts, {
		origin: 'https://bosai.example.jp',
		feedId: 'https://bosai.example.jp/api/alerts.atom',
		now
	});

	it('validates against the RFC 4287 RELAX NG grammar', () => {
		expect(xmllintErrors(feed, 'atom')).toBe('');
	});

	it('lists current alerts only, newest first, linking to CAP', () => {
		const ids = [...feed.matchAll(/<id>urn:uuid:([^<]+)<\/id>/g)].map((m) => m[1]);
		expect(ids).toEqual(['00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000001']);
		const links = [...feed.matchAll(/<link rel="alternate" type="application\/cap\+xml" href="([^"]+)"/g)];
		expect(links.map((m) => m[1])).toEqual([
			'https://bosai.example.jp/api/alerts/00000000-0000-4000-8000-000000000004.cap',
			'https://bosai.example.jp/api/alerts/00000000-0000-4000-8000-000000000001.cap'
		]);
		expect(feed).toContain('&quot;警戒&quot; &lt;区域&gt; &amp; 周辺');
		expect(feed).toContain('【訓練】');
	});

	it('an empty feed is still valid', () => {
		const empty = buildAtomFeed([], { origin: 'http://x', feedId: 'http://x/f', now });
		expect(xmllintErrors(empty, 'atom')).toBe('');
		expect(empty).not.toContain('<entry>');
	});

	it('current = not cancelled and not expired', () => {
		expect(isCurrentAlert(base, now)).toBe(true);
		expect(isCurrentAlert(alerts[1]!, now)).toBe(false);
		expect(isCurrentAlert(alerts[2]!, now)).toBe(false);
		expect(isCurrentAlert(alerts[3]!, now)).toBe(true);
	});
});
