import type { AreaCatalog } from './types.ts';
import common from './common.ts';
import domain from './domain.ts';
import home from './home.ts';
import jma from './jma.ts';
import map from './map.ts';
import notify from './notify.ts';
import resident from './resident.ts';
import ui from './ui.ts';

/**
 * The areas every page needs, bundled with the i18n module. The staff and HQ areas are loaded only
 * for their screens (src/lib/i18n/areas.ts), so a resident's first JS does not carry them.
 */
export const coreAreas: Record<string, AreaCatalog> = {
	common,
	domain,
	map,
	resident,
	home,
	jma,
	notify,
	ui
};

/** The areas loaded on demand, by the route prefixes that use them. */
export const lazyAreas: { prefixes: string[]; load: () => Promise<AreaCatalog[]> }[] = [
	{ prefixes: ['/print', '/hq/print'], load: async () => [(await import('./print.ts')).default] },
	{
		prefixes: ['/hq', '/staff'],
		load: async () => [
			(await import('./hq.ts')).default,
			(await import('./staff.ts')).default,
			(await import('./orders.ts')).default,
			(await import('./numbers.ts')).default,
			(await import('./accounts.ts')).default
		]
	}
];
