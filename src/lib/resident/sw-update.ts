/**
 * "A new version is available": a new service worker installs next to the running one and waits
 * (the open page keeps its own chunks). `onWaiting` gets an `apply` that lets it take over and
 * reloads the page once it controls it. Returns a stop function.
 */
export function watchForUpdate(onWaiting: (apply: () => void) => void): () => void {
	if (!('serviceWorker' in navigator)) return () => {};
	const container = navigator.serviceWorker;
	let stopped = false;
	let reloading = false;

	const offer = (worker: ServiceWorker) => {
		if (stopped) return;
		onWaiting(() => {
			container.addEventListener('controllerchange', () => {
				if (reloading) return;
				reloading = true;
				location.reload();
			});
			worker.postMessage({ type: 'SKIP_WAITING' });
		});
	};

	// `ready`, not getRegistration(): on a first visit Kit registers the worker after this runs.
	void container.ready.then((registration) => {
		if (stopped) return;
		if (registration.waiting && container.controller) offer(registration.waiting);
		registration.addEventListener('updatefound', () => {
			const installing = registration.installing;
			installing?.addEventListener('statechange', () => {
				// Only an update: the very first install has no controller to replace.
				if (installing.state === 'installed' && container.controller) offer(installing);
			});
		});
	});
	return () => {
		stopped = true;
	};
}
