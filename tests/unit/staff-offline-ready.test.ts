/** "Ready to work offline" only when a worker controls the page and the shell cache has /staff. */
import { describe, expect, it } from 'vitest';
import { offlineReadiness, watchOfflineReadiness, type OfflineEnv } from '#lib/staff/offline-ready.ts';

function fakeEnv(controller: boolean, cached: Record<string, string[]>) {
	const listeners = new Set<() => void>();
	const env = {
		serviceWorker: {
			controller: controller ? ({} as ServiceWorker) : null,
			addEventListener: (_: string, fn: () => void) => listeners.add(fn),
			removeEventListener: (_: string, fn: () => void) => listeners.delete(fn)
		},
		caches: {
			keys: async () => Object.keys(cached),
			open: async (name: string) => ({
				match: async (path: string) => (cached[name]?.includes(path) ? new Response('ok') : undefined)
			})
		}
	};
	return { env: env as unknown as OfflineEnv, listeners, state: env, cached };
}

describe('offline readiness', () => {
	it('unsupported without service workers or Cache Storage', async () => {
		expect(await offlineReadiness({})).toBe('unsupported');
		expect(await offlineReadiness({ serviceWorker: fakeEnv(true, {}).env.serviceWorker })).toBe(
			'unsupported'
		);
	});

	it('pending until a worker controls the page, and until the shell cache has the page', async () => {
		expect(await offlineReadiness(fakeEnv(false, { 'bosai-shell-1': ['/staff'] }).env)).toBe('pending');
		expect(await offlineReadiness(fakeEnv(true, { 'bosai-shell-1': ['/'] }).env)).toBe('pending');
		expect(await offlineReadiness(fakeEnv(true, { 'bosai-data': ['/staff'] }).env)).toBe('pending');
		expect(await offlineReadiness(fakeEnv(true, { 'bosai-shell-1': ['/', '/staff'] }).env)).toBe('ready');
	});

	it('the watcher reports pending, then ready once the worker takes control; stops listening', async () => {
		const fake = fakeEnv(false, { 'bosai-shell-1': ['/staff'] });
		const seen: string[] = [];
		const stop = watchOfflineReadiness(fake.env, (state) => seen.push(state), 10_000);
		await new Promise((done) => setTimeout(done, 10));
		expect(seen).toEqual(['pending']);
		(fake.state.serviceWorker as { controller: unknown }).controller = {};
		for (const fn of fake.listeners) fn();
		await new Promise((done) => setTimeout(done, 10));
		expect(seen).toEqual(['pending', 'ready']);
		stop();
		expect(fake.listeners.size).toBe(0);
	});
});
