import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

// SvelteKit 3 takes its configuration here: it refuses a svelte.config.js file
// (error `config_file_unsupported`), so this file replaces it.
// BOSAI_KIT_OUT / BOSAI_BUILD_OUT let parallel test runs keep separate build trees. Kit points
// node_modules/$app/tsconfig.json at the last one: run `npx svelte-kit sync` after such a build.
const kitOutDir = process.env.BOSAI_KIT_OUT ?? '.svelte-kit';
const buildOutDir = process.env.BOSAI_BUILD_OUT ?? 'build';

export default defineConfig({
	plugins: [
		sveltekit({
			adapter: adapter({ out: buildOutDir }),
			outDir: kitOutDir,
			// Kit's CSRF guard runs before every hook, so its refusal could not take the API's error
			// shape: hooks.server.ts applies the same rule instead (src/lib/server/csrf.ts).
			csrf: { trustedOrigins: ['*'] },
			csp: {
				mode: 'hash',
				directives: {
					'default-src': ['self'],
					'script-src': ['self', 'wasm-unsafe-eval'],
					'style-src': ['self', 'unsafe-inline'],
					'img-src': [
						'self',
						'data:',
						'blob:',
						'https://cyberjapandata.gsi.go.jp',
						'https://disaportaldata.gsi.go.jp'
					],
					'connect-src': [
						'self',
						'https://cyberjapandata.gsi.go.jp',
						'https://disaportaldata.gsi.go.jp',
						'https://*.supabase.co',
						'wss://*.supabase.co'
					],
					'worker-src': ['self', 'blob:'],
					'font-src': ['self'],
					'object-src': ['none'],
					'base-uri': ['self'],
					'form-action': ['self'],
					'frame-ancestors': ['none']
				}
			}
		})
	],
	build: {
		chunkSizeWarningLimit: 1200
	},
	test: {
		projects: [
			{
				extends: false,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					environment: 'node',
					testTimeout: 20_000
				}
			},
			{
				extends: false,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/e2e/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 180_000,
					fileParallelism: false
				}
			}
		]
	}
});
