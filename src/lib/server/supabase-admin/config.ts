/**
 * Supabase mode on the server (issue 16): account management goes through Supabase Auth's admin
 * API with the service-role key. Both values come from the server's own environment only — never
 * a PUBLIC_ variable, never sent to a browser. The anon key (public anyway) lets the server call
 * the database as the signed-in caller, so RLS and the audit log see who acted.
 */
export interface SupabaseAdminConfig {
	url: string;
	serviceRoleKey: string;
	anonKey: string;
}

/** The config when the server runs in Supabase mode (SUPABASE_URL + SUPABASE_SERVICE_ROLE_KEY), else null. */
export function supabaseAdminConfig(env: NodeJS.ProcessEnv = process.env): SupabaseAdminConfig | null {
	const url = env.SUPABASE_URL || env.PUBLIC_SUPABASE_URL;
	const serviceRoleKey = env.SUPABASE_SERVICE_ROLE_KEY;
	if (!serviceRoleKey) return null;
	const anonKey = env.SUPABASE_ANON_KEY || env.PUBLIC_SUPABASE_ANON_KEY;
	if (!url || !anonKey)
		throw new Error('Supabase mode needs SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY and SUPABASE_ANON_KEY');
	return { url, serviceRoleKey, anonKey };
}

/** Paths whose Bearer token is a Supabase access token in Supabase mode (checked by the route). */
export function isSupabaseAccountPath(pathname: string): boolean {
	return pathname === '/api/accounts' || pathname.startsWith('/api/accounts/');
}
