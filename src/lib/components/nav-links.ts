import { resolve } from '$app/paths';

/** The site's main navigation (SiteHeader, and the resident home's compact menu). */
export function navLinks(): { href: string; key: string }[] {
	return [
		{ href: resolve('/'), key: 'common.nav.resident' },
		{ href: resolve('/staff'), key: 'common.nav.staff' },
		{ href: resolve('/hq'), key: 'common.nav.hq' },
		{ href: resolve('/about'), key: 'common.nav.about' }
	];
}
