import type { Locale } from '../locales.ts';
import type { AreaCatalog } from './types.ts';
import accounts from './accounts.ts';
import common from './common.ts';
import domain from './domain.ts';
import home from './home.ts';
import hq from './hq.ts';
import jma from './jma.ts';
import map from './map.ts';
import notify from './notify.ts';
import orders from './orders.ts';
import print from './print.ts';
import numbers from './numbers.ts';
import resident from './resident.ts';
import staff from './staff.ts';
import ui from './ui.ts';

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
	home,
	staff,
	hq,
	jma,
	notify,
	orders,
	numbers,
	ui,
	print,
	accounts
};

export function mergedCatalog(
	locale: Locale,
	from: Record<string, AreaCatalog> = areas
): Record<string, string> {
	return Object.assign({}, ...Object.values(from).map((area) => area[locale]));
}
