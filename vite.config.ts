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
			// Stylesheets up to 8 kB go inline into the page's <head>: on a slow mobile line each linked
			// one is another round trip before first paint (Lighthouse counted ten on the resident home).
			inlineStyleThreshold: 8192,
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
					sequence: { groupOrder: 0 },
					include: ['tests/unit/**/*.test.ts'],
					environment: 'node',
					testTimeout: 20_000
				}
			},
			{
				extends: false,
				test: {
					name: 'e2e',
					sequence: { groupOrder: 0 },
					include: ['tests/e2e/**/*.test.ts'],
					exclude: ['tests/e2e/postgres-*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/e2e/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 180_000,
					fileParallelism: false
				}
			},
			{
				// The API and live suites again, served in PostgreSQL mode (DATABASE_URL) on a real
				// PostgreSQL server; after the other projects, so the two servers never compete.
				extends: false,
				test: {
					name: 'e2e-postgres',
					include: [
						'tests/e2e/api-adapter.test.ts',
						'tests/e2e/api-auth.test.ts',
						'tests/e2e/api-features.test.ts',
						'tests/e2e/api-live.test.ts',
						'tests/e2e/api-reports.test.ts',
						'tests/e2e/hq-api.test.ts',
						'tests/e2e/postgres-*.test.ts'
					],
					environment: 'node',
					globalSetup: ['tests/e2e/global-setup-postgres.ts'],
					testTimeout: 60_000,
					hookTimeout: 180_000,
					fileParallelism: false,
					sequence: { groupOrder: 1 }
				}
			}
		]
	}
});
