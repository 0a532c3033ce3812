/**
 * Our generated styles use site-relative URLs (/generated/map/…) so they work on any host;
 * MapLibre needs absolute ones, so they are resolved against the page before use.
 */
import type { StyleSpecification } from 'maplibre-gl';

export function absolutizeStyle(style: StyleSpecification, base: string): StyleSpecification {
	const abs = (value: string) => new URL(value, base).href;
	const sources = Object.fromEntries(
		Object.entries(style.sources).map(([id, source]) => {
			if ('url' in source && typeof source.url === 'string' && source.url.startsWith('pmtiles:///')) {
				return [id, { ...source, url: `pmtiles://${abs(source.url.slice('pmtiles://'.length))}` }];
			}
			return [id, source];
		})
	);
	return {
		...style,
		glyphs: style.glyphs
			? abs(style.glyphs).replace('%7Bfontstack%7D', '{fontstack}').replace('%7Brange%7D', '{range}')
			: undefined,
		sprite: typeof style.sprite === 'string' ? abs(style.sprite) : style.sprite,
		sources
	};
}
