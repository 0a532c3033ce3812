/**
 * Whether the page is dark: html[data-theme], which /look-init.js sets before first paint from the
 * display menu's choice or the system's colour scheme. Calls `onchange` now and on every change;
 * returns a stop function.
 */
export function watchDarkPage(onchange: (dark: boolean) => void): () => void {
	const root = document.documentElement;
	const media = window.matchMedia('(prefers-color-scheme: dark)');
	const check = () => onchange(root.dataset.theme ? root.dataset.theme === 'dark' : media.matches);
	check();
	media.addEventListener('change', check);
	const observer = new MutationObserver(check);
	observer.observe(root, { attributes: true, attributeFilter: ['data-theme'] });
	return () => {
		media.removeEventListener('change', check);
		observer.disconnect();
	};
}
