/**
 * Resident geo queries on a Tokyo-sized SYNTHETIC set (3,000 shelters, 10,000 hazard polygons,
 * random inside the 23 wards' bounding box): the kdbush/geokdbush nearest query and the flatbush
 * point-in-zone query against the naive turf scans they replace, same answers checked. Prints
 * per-query times and the speed-up ratio (target ≥ 20×). Run: `npm run bench:resident-geo`.
 */
import { performance } from 'node:perf_hooks';
import type { Feature, Polygon } from 'geojson';
import { hazards, type Hazard } from '../src/lib/domain/vocabulary.ts';
import { PointIndex } from '../src/lib/geo/shelter-index.ts';
import { ZoneIndex } from '../src/lib/geo/hazard-index.ts';
import { naiveContaining, naiveNearest } from '../src/lib/geo/naive.ts';
import { reportFigure } from './report.ts';

// Deterministic pseudo-random numbers (mulberry32), so every run measures the same set.
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const rand = random(20261125);
const box = { w: 139.56, s: 35.52, e: 139.92, n: 35.82 };
const lonAt = () => box.w + rand() * (box.e - box.w);
const latAt = () => box.s + rand() * (box.n - box.s);

interface SyntheticShelter {
	id: number;
	lon: number;
	lat: number;
	hazards: Hazard[];
}
const shelters: SyntheticShelter[] = Array.from({ length: 3000 }, (_, id) => ({
	id,
	lon: lonAt(),
	lat: latAt(),
	hazards: hazards.filter(() => rand() < 0.5)
}));

/** A jagged ring of 12–24 vertices, 50–600 m across: the size of real 浸水 / 土砂 zone parts. */
function zone(id: number): Feature<Polygon, { id: number }> {
	const lon = lonAt();
	const lat = latAt();
	const vertices = 12 + Math.floor(rand() * 13);
	const radius = (50 + rand() * 550) / 111_000;
	const ring: [number, number][] = [];
	for (let i = 0; i < vertices; i++) {
		const angle = (i / vertices) * 2 * Math.PI;
		const r = radius * (0.6 + rand() * 0.4);
		ring.push([lon + (r * Math.cos(angle)) / Math.cos((lat * Math.PI) / 180), lat + r * Math.sin(angle)]);
	}
	ring.push(ring[0]);
	return { type: 'Feature', properties: { id }, geometry: { type: 'Polygon', coordinates: [ring] } };
}
const zones = Array.from({ length: 10_000 }, (_, id) => zone(id));
const queries = Array.from({ length: 2000 }, () => ({ lon: lonAt(), lat: latAt() }));
const queryHazards = queries.map(() => hazards[Math.floor(rand() * hazards.length)]);

function time(label: string, fn: () => void): number {
	const start = performance.now();
	fn();
	const ms = performance.now() - start;
	console.log(`${label}: ${ms.toFixed(1)} ms`);
	return ms;
}

let buildMs = time('build both indexes', () => {
	new PointIndex(shelters);
	new ZoneIndex(zones);
});
const pointIndex = new PointIndex(shelters);
const zoneIndex = new ZoneIndex(zones);
buildMs = Math.min(
	buildMs,
	time('build both indexes (again)', () => void [new PointIndex(shelters), new ZoneIndex(zones)])
);

// Same answers first: a fast wrong index is worth nothing.
for (let i = 0; i < 200; i++) {
	const filter = (s: SyntheticShelter) => s.hazards.includes(queryHazards[i]);
	const a = pointIndex.nearest(queries[i], { limit: 5, filter }).map((r) => r.item.id);
	const b = naiveNearest(shelters, queries[i], 5, filter).map((s) => s.id);
	if (a.join() !== b.join()) throw new Error(`nearest differs at query ${i}: ${a} vs ${b}`);
	const za = zoneIndex.containing(queries[i]).map((z) => z.properties.id);
	const zb = naiveContaining(zones, queries[i]).map((z) => z.properties.id);
	if (za.join() !== zb.join()) throw new Error(`zones differ at query ${i}`);
}

const rounds = { naive: 200, index: queries.length };
let sink = 0;
// Warm both paths up first so the JIT compiles each before it is timed.
for (let i = 0; i < 100; i++) {
	sink += naiveNearest(shelters, queries[i], 5).length + naiveContaining(zones, queries[i]).length;
	sink += pointIndex.nearest(queries[i], { limit: 5 }).length + zoneIndex.containing(queries[i]).length;
}
const naiveNearestMs =
	time(`naive nearest ×${rounds.naive}`, () => {
		for (let i = 0; i < rounds.naive; i++)
			sink += naiveNearest(shelters, queries[i], 5, (s) => s.hazards.includes(queryHazards[i])).length;
	}) / rounds.naive;
const indexNearestMs =
	time(`index nearest ×${rounds.index}`, () => {
		for (let i = 0; i < rounds.index; i++)
			sink += pointIndex.nearest(queries[i], {
				limit: 5,
				filter: (s) => s.hazards.includes(queryHazards[i])
			}).length;
	}) / rounds.index;
const naiveZoneMs =
	time(`naive in-zone ×${rounds.naive}`, () => {
		for (let i = 0; i < rounds.naive; i++) sink += naiveContaining(zones, queries[i]).length;
	}) / rounds.naive;
const indexZoneMs =
	time(`index in-zone ×${rounds.index}`, () => {
		for (let i = 0; i < rounds.index; i++) sink += zoneIndex.containing(queries[i]).length;
	}) / rounds.index;
console.log(`(checksum ${sink})`);

const note = 'synthetic Tokyo-sized set: 3,000 shelters, 10,000 polygons';
reportFigure({
	name: 'nearest 5 designated: naive turf scan',
	value: naiveNearestMs,
	unit: 'ms/query',
	target: '',
	pass: null,
	note
});
reportFigure({
	name: 'nearest 5 designated: kdbush index',
	value: indexNearestMs,
	unit: 'ms/query',
	target: '',
	pass: null,
	note
});
const nearestRatio = naiveNearestMs / indexNearestMs;
reportFigure({
	name: 'nearest speed-up (naive / index)',
	value: nearestRatio,
	unit: '×',
	target: '≥ 20×',
	pass: nearestRatio >= 20,
	note
});
reportFigure({
	name: 'in hazard zone: naive turf scan',
	value: naiveZoneMs,
	unit: 'ms/query',
	target: '',
	pass: null,
	note
});
reportFigure({
	name: 'in hazard zone: flatbush index',
	value: indexZoneMs,
	unit: 'ms/query',
	target: '',
	pass: null,
	note
});
const zoneRatio = naiveZoneMs / indexZoneMs;
reportFigure({
	name: 'in-zone speed-up (naive / index)',
	value: zoneRatio,
	unit: '×',
	target: '≥ 20×',
	pass: zoneRatio >= 20,
	note
});
reportFigure({ name: 'index build (both)', value: buildMs, unit: 'ms', target: '', pass: null, note });
