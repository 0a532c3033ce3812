/**
 * Layer specs for a shelters GeoJSON source (features shaped like ShelterFeature or the
 * generated shelters.geojson). Icon shape follows the kind, so colour is never the only signal.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { boldFont } from './style.ts';
import { palettes, type MapTheme } from './theme.ts';

export function shelterLayers(
	source: string,
	theme: MapTheme,
	selectedId: string | null = null
): LayerSpecification[] {
	const p = palettes[theme];
	const kindColor: ExpressionSpecification = [
		'match',
		['get', 'kind'],
		'both',
		p.both,
		'emergency_site',
		p.emergency,
		p.shelter
	];
	const isSelected: ExpressionSpecification = ['==', ['get', 'id'], selectedId ?? ''];
	return [
		{
			id: `${source}-icons`,
			type: 'symbol',
			source,
			layout: {
				'icon-image': ['get', 'kind'],
				'icon-size': ['interpolate', ['linear'], ['zoom'], 11, 0.6, 16, 1],
				'icon-allow-overlap': true,
				// Icons never hide the 町丁目 and city labels residents orient by.
				'icon-ignore-placement': true,
				// Names only from z14: hidden text would still take label space from the 町丁目 names.
				'text-field': ['step', ['zoom'], '', 14, ['get', 'name']],
				'text-font': boldFont,
				'text-size': 12,
				'text-offset': [0, 1.2],
				'text-anchor': 'top',
				'text-optional': true
			},
			paint: {
				'icon-color': ['case', isSelected, p.selected, ['!', ['get', 'inside_city']], p.outside, kindColor],
				'icon-halo-color': p.halo,
				'icon-halo-width': ['case', isSelected, 3, 1.5],
				'text-color': p.text,
				'text-halo-color': p.halo,
				'text-halo-width': 1.6
			}
		} as LayerSpecification
	];
}
