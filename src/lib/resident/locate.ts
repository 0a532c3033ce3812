import type { LonLat } from '#lib/geo/direction.ts';

/** The device's position once (GPS where it has one); rejects when unavailable or refused. */
export function locateOnce(): Promise<LonLat> {
	return new Promise((resolveFound, reject) => {
		if (typeof navigator === 'undefined' || !('geolocation' in navigator)) {
			reject(new Error('no geolocation'));
			return;
		}
		navigator.geolocation.getCurrentPosition(
			(found) => resolveFound({ lon: found.coords.longitude, lat: found.coords.latitude }),
			reject,
			{ enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 }
		);
	});
}
