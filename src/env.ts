// Environment variables the app reads (SvelteKit 3: declared here, imported from $app/env/*).
// Both Supabase values set → the browser uses the supabase adapter; otherwise the embedded one.
import { defineEnvVars } from '@sveltejs/kit/env';

const optional = (value: string | undefined) => (value ? value : undefined);

export const variables = defineEnvVars({
	PUBLIC_SUPABASE_URL: {
		public: true,
		schema: optional,
		description: 'Supabase project URL (https://<ref>.supabase.co); unset for embedded mode'
	},
	PUBLIC_SUPABASE_ANON_KEY: {
		public: true,
		schema: optional,
		description: 'Supabase anon (publishable) key; unset for embedded mode'
	}
});
