import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { json } from '@sveltejs/kit';
import { townsSchema } from '#lib/resident/towns-schema.ts';

/**
 * The 町丁目 picker's list, copied at build time from the importer's data/out/<city>/towns.json
 * (prerendered: a static file the service worker precaches, so the picker works offline).
 */
export const prerender = true;

export function GET() {
	const city = process.env.BOSAI_CITY ?? 'komae';
	const file = resolve('data/out', /^[a-z0-9_-]+$/.test(city) ? city : 'invalid', 'towns.json');
	const towns = existsSync(file) ? townsSchema.parse(JSON.parse(readFileSync(file, 'utf8'))) : [];
	return json(towns);
}
