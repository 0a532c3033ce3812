/**
 * Seeds the city's shelters from the importer's output `data/out/<city>/shelters.json`
 * (docs/architecture.md). New shelters are inserted; an existing one takes the imported master
 * data only while nobody edited it in the app since the last seed (`updated_at <= seeded_at`), so
 * a restart never reverts an HQ correction. Seeding announces nothing on realtime.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { shelterRecordSchema, type ShelterRecord } from '#lib/domain/shelter.ts';
import { projectRoot } from './setup.ts';
import type { Database } from './types.ts';

// Only the shelters matter here; the file's other keys (city, sources, …) belong to the importer.
const sheltersFileSchema = z.object({
	shelters: z.array(shelterRecordSchema)
});

export function sheltersFile(city = process.env.BOSAI_CITY ?? 'komae', root = projectRoot()): string {
	if (!/^[a-z0-9_-]+$/.test(city)) throw new Error(`BOSAI_CITY must be a simple name, got "${city}"`);
	return join(root, 'data', 'out', city, 'shelters.json');
}

export interface SeedResult {
	file: string;
	/** Shelters in the file; null when the file is missing. */
	total: number | null;
	inserted: number;
	updated: number;
	/** Why the file was not used, when it exists but is invalid. */
	error?: string;
}

const upsertSql = `
	insert into public.shelters as s (id, name, address, kind, lon, lat, capacity, hazards, welfare,
		accepted_people, inside_city, notes, sources, seeded_at)
	select r.id, r.name, r.address, r.kind, r.lon, r.lat, r.capacity, r.hazards, r.welfare,
		r.accepted_people, r.inside_city, r.notes, r.sources, now()
	from jsonb_to_recordset($1::jsonb) as r(id text, name text, address text, kind text,
		lon double precision, lat double precision, capacity integer, hazards text[], welfare boolean,
		accepted_people text, inside_city boolean, notes text, sources text[])
	on conflict (id) do update set
		name = excluded.name, address = excluded.address, kind = excluded.kind, lon = excluded.lon,
		lat = excluded.lat, capacity = excluded.capacity, hazards = excluded.hazards,
		welfare = excluded.welfare, accepted_people = excluded.accepted_people,
		inside_city = excluded.inside_city, notes = excluded.notes, sources = excluded.sources,
		seeded_at = now()
	where s.updated_at <= s.seeded_at
		and (s.name, s.address, s.kind, s.lon, s.lat, s.capacity, s.hazards, s.welfare,
			s.accepted_people, s.inside_city, s.notes, s.sources)
		is distinct from (excluded.name, excluded.address, excluded.kind, excluded.lon, excluded.lat,
			excluded.capacity, excluded.hazards, excluded.welfare, excluded.accepted_people,
			excluded.inside_city, excluded.notes, excluded.sources)
	returning (xmax = 0) as inserted`;

export async function upsertShelters(
	db: Database,
	shelters: ShelterRecord[]
): Promise<{ inserted: number; updated: number }> {
	const result = await db.asService((tx) =>
		tx.query<{ inserted: boolean }>(upsertSql, [JSON.stringify(shelters)])
	);
	const inserted = result.rows.filter((row) => row.inserted).length;
	return { inserted, updated: result.rows.length - inserted };
}

/**
 * Seeds from the importer output. A missing or unreadable file is logged, not a crash: during a
 * disaster a server that starts with the shelters it already has beats one that does not start.
 */
export async function seedShelters(db: Database, file = sheltersFile()): Promise<SeedResult> {
	const skipped = { file, total: null, inserted: 0, updated: 0 };
	if (!existsSync(file)) {
		console.warn(
			`bosai-map: no shelter data at ${file}; the map starts empty. ` +
				'Build it with `npm run data` (reads ../shared/data).'
		);
		return skipped;
	}
	let content: unknown;
	try {
		content = JSON.parse(readFileSync(file, 'utf8'));
	} catch (error) {
		console.error(`bosai-map: ${file} is not valid JSON (${String(error)}); shelters not updated.`);
		return { ...skipped, error: 'invalid JSON' };
	}
	const parsed = sheltersFileSchema.safeParse(content);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const error = `${issue?.path.join('.')}: ${issue?.message}`;
		console.error(`bosai-map: ${file}: ${error}; shelters not updated.`);
		return { ...skipped, error };
	}
	const counts = await upsertShelters(db, parsed.data.shelters);
	return { file, total: parsed.data.shelters.length, ...counts };
}
