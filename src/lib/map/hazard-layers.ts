/**
 * Layers for imported hazard zones (GeoJSON from the hazard importer), coloured with the official
 * legends: 浸水深 ranks for floods, yellow/red for 土砂災害 zones. Drawn semi-transparent and
 * outlined, so the basemap labels stay readable.
 */
import type { LayerSpecification } from 'maplibre-gl';
import { a33Colors, depthRanks } from '#lib/data/hazard-legend.ts';

export function hazardLayers(
	source: string,
	type: 'flood' | 'inland_flood' | 'landslide'
): LayerSpecification[] {
	const color =
		type === 'landslide'
			? ['match', ['get', 'zone'], 'special_warning', a33Colors.special_warning, a33Colors.warning]
			: ['match', ['get', 'rank'], ...depthRanks.flatMap((entry) => [entry.rank, entry.color]), '#cccccc'];
	return [
		{ id: `${source}-fill`, type: 'fill', source, paint: { 'fill-color': color, 'fill-opacity': 0.55 } },
		{ id: `${source}-line`, type: 'line', source, paint: { 'line-color': color, 'line-width': 1 } }
	] as LayerSpecification[];
}
