/**
 * Reads a hazard-zone file as GeoJSON: `.geojson`/`.json` as is, or an ESRI Shapefile (`.shp`
 * with its `.dbf` beside it) through npm `shapefile`. 国土数値情報 Shapefiles carry their text
 * encoding in a `.cpg` file; without one they are Shift_JIS (the older editions).
 */
import { existsSync, readFileSync } from 'node:fs';
import { read } from 'shapefile';
import { readJson } from './io.ts';

export async function readHazardFile(path: string, encoding?: string): Promise<unknown> {
	if (!/\.shp$/i.test(path)) return readJson(path);
	const base = path.replace(/\.shp$/i, '');
	const dbf = `${base}.dbf`;
	if (!existsSync(dbf)) throw new Error(`${dbf} is missing: a Shapefile needs its .dbf for the attributes`);
	const cpg = `${base}.cpg`;
	const declared = existsSync(cpg) ? readFileSync(cpg, 'utf8').trim() : null;
	const textEncoding =
		encoding ?? (declared && /utf-?8/i.test(declared) ? 'utf-8' : (declared ?? 'shift_jis'));
	return read(readFileSync(path), readFileSync(dbf), { encoding: textEncoding });
}
