/** Small guards shared by the API routes. RLS decides what a caller may do; these only give a
 * clear 401 to an anonymous caller of an endpoint that has nothing for anonymous users. */
import type { Claims } from '../db/types.ts';
import { ApiError } from '../http.ts';

export function requireSignedIn(claims: Claims | null): Claims {
	if (!claims) {
		throw new ApiError(401, 'unauthorized', 'Sign in first (Authorization: Bearer <access_token>)', {
			'www-authenticate': 'Bearer'
		});
	}
	return claims;
}

/** Parses an optional query parameter with a check; a bad value is a 400, not ignored. */
export function queryParam<T>(
	url: URL,
	name: string,
	parse: (value: string) => T | undefined
): T | undefined {
	const raw = url.searchParams.get(name);
	if (raw === null || raw === '') return undefined;
	const value = parse(raw);
	if (value === undefined) throw new ApiError(400, 'invalid_query', `Query parameter ${name} is invalid`);
	return value;
}

export function isoDate(value: string): string | undefined {
	return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
		!Number.isNaN(Date.parse(value))
		? value
		: undefined;
}

export function positiveInt(max: number) {
	return (value: string): number | undefined => {
		const n = Number(value);
		return /^\d+$/.test(value) && n >= 1 && n <= max ? n : undefined;
	};
}
