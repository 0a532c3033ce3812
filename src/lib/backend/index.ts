/**
 * `getBackend()`: the one Backend of this page. Supabase mode when PUBLIC_SUPABASE_URL and
 * PUBLIC_SUPABASE_ANON_KEY are set (src/env.ts), else the embedded adapter (our HTTP API).
 * Pages import only this file and port.ts.
 */
import { PUBLIC_SUPABASE_ANON_KEY, PUBLIC_SUPABASE_URL } from '$app/env/public';
import { createEmbeddedBackend } from './embedded.ts';
import type { Backend } from './port.ts';
import { createSupabaseBackend } from './supabase.ts';

export * from './port.ts';

let backend: Backend | undefined;

export function backendMode(
	url: string | undefined = PUBLIC_SUPABASE_URL,
	key: string | undefined = PUBLIC_SUPABASE_ANON_KEY
): 'supabase' | 'embedded' {
	return url && key ? 'supabase' : 'embedded';
}

export function getBackend(): Backend {
	if (!backend) {
		backend =
			backendMode() === 'supabase' && PUBLIC_SUPABASE_URL && PUBLIC_SUPABASE_ANON_KEY
				? createSupabaseBackend({ url: PUBLIC_SUPABASE_URL, anonKey: PUBLIC_SUPABASE_ANON_KEY })
				: createEmbeddedBackend();
	}
	return backend;
}
