/**
 * Is this terminal ready to work offline? Only when a service worker controls the page AND the
 * app shell cache holds the staff page (on a first visit the worker precaches for several seconds;
 * until then an offline reload loses the page). Inputs are passed in, so the rule is unit-tested.
 */
export type OfflineReadiness = 'unsupported' | 'pending' | 'ready';

export interface OfflineEnv {
	serviceWorker?: Pick<ServiceWorkerContainer, 'controller' | 'addEventListener' | 'removeEventListener'>;
	caches?: Pick<CacheStorage, 'keys' | 'open'>;
}

export const shellCachePrefix = 'bosai-shell-';

export async function offlineReadiness(env: OfflineEnv, page = '/staff'): Promise<OfflineReadiness> {
	if (!env.serviceWorker || !env.caches) return 'unsupported';
	if (!env.serviceWorker.controller) return 'pending';
	for (const key of await env.caches.keys()) {
		if (!key.startsWith(shellCachePrefix)) continue;
		if (await (await env.caches.open(key)).match(page)) return 'ready';
	}
	return 'pending';
}

/**
 * Calls `onChange` with the readiness now, on every controller change and every `intervalMs`
 * until ready. Returns a stop function.
 */
export function watchOfflineReadiness(
	env: OfflineEnv,
	onChange: (state: OfflineReadiness) => void,
	intervalMs = 1000,
	page = '/staff'
): () => void {
	let stopped = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const check = async () => {
		clearTimeout(timer);
		const state = await offlineReadiness(env, page).catch((): OfflineReadiness => 'pending');
		if (stopped) return;
		onChange(state);
		if (state === 'pending') timer = setTimeout(check, intervalMs);
	};
	env.serviceWorker?.addEventListener('controllerchange', check);
	void check();
	return () => {
		stopped = true;
		clearTimeout(timer);
		env.serviceWorker?.removeEventListener('controllerchange', check);
	};
}
