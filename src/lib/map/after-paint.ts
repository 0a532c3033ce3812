/**
 * Resolves once the page has loaded and painted, and the main thread is idle (or 2 s later at
 * most): heavy work such as MapLibre then cannot delay the text a resident reads first.
 */
export function afterFirstPaint(): Promise<void> {
	return new Promise((done) => {
		const idle = () => {
			if ('requestIdleCallback' in window) window.requestIdleCallback(() => done(), { timeout: 2000 });
			else setTimeout(done, 50);
		};
		if (document.readyState === 'complete') requestAnimationFrame(() => setTimeout(idle, 0));
		else
			window.addEventListener('load', () => requestAnimationFrame(() => setTimeout(idle, 0)), { once: true });
	});
}
