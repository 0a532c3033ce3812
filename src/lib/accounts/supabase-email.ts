/**
 * Supabase Auth signs in by e-mail; our accounts have user names (usernameSchema: no `@`). In
 * Supabase mode an account made by HQ is `<username>@<accountEmailDomain>`: `.invalid` is
 * reserved (RFC 2606), so no mail can ever go there. Pure: the browser adapter (sign-in) and the
 * server (create, list) share it. A name with `@` is taken as the e-mail itself (accounts made in
 * the Supabase dashboard).
 */
export const accountEmailDomain = 'accounts.bosai-map.invalid';

export function accountEmail(username: string): string {
	return username.includes('@') ? username : `${username}@${accountEmailDomain}`;
}

export function usernameOfEmail(email: string): string {
	const suffix = `@${accountEmailDomain}`;
	return email.endsWith(suffix) ? email.slice(0, -suffix.length) : email;
}
