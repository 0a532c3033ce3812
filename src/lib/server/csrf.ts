/**
 * SvelteKit's CSRF rule, applied in our `handle` instead of Kit's own guard (turned off in
 * vite.config.ts with `csrf.trustedOrigins: ['*']`), only so that its refusal on /api/** has the
 * API's `{ error: { code, message } }` shape (issue 18 L6) — Kit's guard runs before any hook.
 * Same rule as Kit 3's `is_csrf_forbidden` (runtime/server/csrf.js): a POST/PUT/PATCH/DELETE whose
 * content type is missing or one a form can send, from an Origin other than the request's own.
 */
const mutating = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const formTypes = [
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	// Kit's binary form encoding (remote form functions).
	'application/x-sveltekit-formdata'
];

export function isCrossSiteFormWrite(request: Request, selfOrigin: string): boolean {
	if (!mutating.has(request.method)) return false;
	const type = request.headers.get('content-type');
	const formLike = !type || formTypes.includes(type.split(';', 1)[0]!.trim().toLowerCase());
	return formLike && request.headers.get('origin') !== selfOrigin;
}

export function csrfMessage(method: string): string {
	return `Cross-site ${method} form submissions are forbidden`;
}
