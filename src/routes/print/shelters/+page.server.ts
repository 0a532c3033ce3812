import { runtime } from '#lib/server/api/runtime.ts';
import { shelterCollection } from '#lib/server/api/shelters.ts';
import { publicOrigin } from '#lib/server/public-origin.ts';
import type { PageServerLoad } from './$types';

/** The public shelter list (as anonymous: hidden shelters never print) and the site's origin for QRs. */
export const load: PageServerLoad = async ({ url }) => {
	const { db } = await runtime();
	const { collection } = await db.asUser(null, shelterCollection);
	const shelters = collection.features.map(({ geometry, properties }) => ({
		id: properties.id,
		name: properties.name,
		address: properties.address,
		lon: geometry.coordinates[0],
		lat: geometry.coordinates[1],
		hazards: properties.hazards,
		welfare: properties.welfare,
		inside_city: properties.inside_city
	}));
	return { shelters, origin: publicOrigin(url), printedAt: new Date().toISOString() };
};
