import type { LonLat } from '#lib/geo/direction.ts';

/**
 * Links that hand the route to the phone's own map app. Built from coordinates only, so they work
 * with no network; the app decides how to route.
 */
export function geoUri(to: LonLat, label: string): string {
	const at = `${to.lat.toFixed(6)},${to.lon.toFixed(6)}`;
	return `geo:${at}?q=${at}(${encodeURIComponent(label)})`;
}

/** Walking directions on the web (Google Maps URLs API; opens the Maps app where installed). */
export function webDirectionsUrl(to: LonLat, from?: LonLat): string {
	const params = new URLSearchParams({
		api: '1',
		destination: `${to.lat.toFixed(6)},${to.lon.toFixed(6)}`,
		travelmode: 'walking'
	});
	if (from) params.set('origin', `${from.lat.toFixed(6)},${from.lon.toFixed(6)}`);
	return `https://www.google.com/maps/dir/?${params.toString()}`;
}
