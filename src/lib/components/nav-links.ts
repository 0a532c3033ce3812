/** The site's main navigation (NavLinks.svelte: SiteHeader, and the resident home's compact menu). */
export const navLinks = [
	{ path: '/', key: 'common.nav.resident' },
	{ path: '/staff', key: 'common.nav.staff' },
	{ path: '/hq', key: 'common.nav.hq' },
	{ path: '/about', key: 'common.nav.about' }
] as const;
