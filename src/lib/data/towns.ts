/** 町丁目 list from Geolonia 住所データ (one representative point per 町丁目). */
import { z } from '#lib/zod.ts';
import { describeIssues, type RejectedRow } from './import-types.ts';

export interface Town {
	name: string;
	lon: number;
	lat: number;
}

const geoloniaTown = z.object({
	town: z.string().trim().min(1).max(100),
	koaza: z.string().optional(),
	lat: z.number().min(-90).max(90),
	lng: z.number().min(-180).max(180)
});

export function parseGeoloniaTowns(json: unknown, file: string): { towns: Town[]; rejected: RejectedRow[] } {
	const rejected: RejectedRow[] = [];
	if (!Array.isArray(json)) return { towns: [], rejected: [{ file, line: 0, reason: 'not a JSON array' }] };
	const seen = new Set<string>();
	const towns: Town[] = [];
	json.forEach((raw, index) => {
		const parsed = geoloniaTown.safeParse(raw);
		if (!parsed.success) {
			rejected.push({ file, line: index + 1, reason: describeIssues(parsed.error.issues) });
			return;
		}
		const name = parsed.data.town + (parsed.data.koaza ?? '');
		if (seen.has(name)) {
			rejected.push({ file, line: index + 1, reason: `duplicate 町丁目 ${name}` });
			return;
		}
		seen.add(name);
		towns.push({ name, lon: parsed.data.lng, lat: parsed.data.lat });
	});
	// Japanese collation keeps 一丁目 … 四丁目 in a stable, readable order.
	towns.sort((a, b) => a.name.localeCompare(b.name, 'ja'));
	return { towns, rejected };
}
