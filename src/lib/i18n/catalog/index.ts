import type { Locale } from '../locales.ts';
import type { AreaCatalog } from './types.ts';
import accounts from './accounts.ts';
import common from './common.ts';
import domain from './domain.ts';
import hq from './hq.ts';
import jma from './jma.ts';
import map from './map.ts';
import notify from './notify.ts';
import resident from './resident.ts';
import staff from './staff.ts';

/**
 * Every area of the UI keeps its messages in its own file (common, domain, resident, staff, hq …),
 * so features can add strings without touching each other. Keys are prefixed with the area.
 * Messages use ICU MessageFormat syntax (intl-messageformat).
 */
export const areas: Record<string, AreaCatalog> = {
	common,
	domain,
	map,
	resident,
	staff,
	hq,
	jma,
	notify,
	accounts
};

export function mergedCatalog(locale: Locale): Record<string, string> {
	return Object.assign({}, ...Object.values(areas).map((area) => area[locale]));
}
