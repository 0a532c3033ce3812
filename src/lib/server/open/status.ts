/**
 * The open-data answers: read as the anonymous caller whoever asks (the feed is the public one),
 * CORS `*` (any site may read it), a strong ETag over the content and 304 for a repeat, the
 * licence as a Link header. SQL in supabase/migrations/20261205110100_open_status.sql.
 */
import { createHash } from 'node:crypto';
import type { OpenHistorySource, OpenStatusSource } from '#lib/open/shelter-status.ts';
import { openLicenceUrl } from '#lib/open/shelter-status.ts';
import type { Database } from '../db/types.ts';
import { etagMatches } from '../api/shelters.ts';

export async function openStatusSources(db: Database): Promise<OpenStatusSource[]> {
	return db.asUser(null, async (tx) => {
		const result = await tx.query<{ list: OpenStatusSource[] }>(
			'select public.open_shelter_status() as list'
		);
		return result.rows[0]?.list ?? [];
	});
}

export async function openHistorySources(db: Database, day: string): Promise<OpenHistorySource[]> {
	return db.asUser(null, async (tx) => {
		const result = await tx.query<{ list: OpenHistorySource[] }>(
			'select public.open_status_history($1::date) as list',
			[day]
		);
		return result.rows[0]?.list ?? [];
	});
}

/** Headers every open-data answer carries (also the CORS preflight's). */
export const openCors: Readonly<Record<string, string>> = {
	'access-control-allow-origin': '*',
	'access-control-allow-methods': 'GET, HEAD, OPTIONS',
	'access-control-allow-headers': 'If-None-Match',
	'access-control-expose-headers': 'ETag, Link, X-Data-Source',
	'access-control-max-age': '86400'
};

/** The CORS preflight of a cross-site GET with If-None-Match. */
export function openPreflight(): Response {
	return new Response(null, { status: 204, headers: { ...openCors } });
}

export function strongEtag(content: unknown): string {
	const digest = createHash('sha256').update(JSON.stringify(content)).digest('base64url');
	return `"${digest.slice(0, 27)}"`;
}

/**
 * The answer: 304 when If-None-Match names `etag`, else `body`. `source` goes into a header as
 * percent-encoded UTF-8 (header values are ASCII).
 */
export function openAnswer(
	request: Request,
	options: { etag: string; body: string; type: string; source: string; maxAge: number }
): Response {
	const headers: Record<string, string> = {
		...openCors,
		etag: options.etag,
		link: `<${openLicenceUrl}>; rel="license"`,
		'x-data-source': encodeURIComponent(options.source),
		'cache-control': `public, max-age=${options.maxAge}`
	};
	if (etagMatches(request.headers.get('if-none-match'), options.etag)) {
		return new Response(null, { status: 304, headers });
	}
	return new Response(options.body, { headers: { ...headers, 'content-type': options.type } });
}
