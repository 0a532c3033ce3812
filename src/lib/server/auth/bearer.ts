/**
 * `Authorization: Bearer <jwt>` → verified claims; no header → anonymous (null). The check itself
 * is synchronous (jwt.ts: no thread pool); it stays `async` so callers need not change. Whether the
 * session was revoked is decided by SQL in the request's transaction (session.ts).
 */
import type { Claims } from '../db/types.ts';
import { ApiError, errorResponse } from '../http.ts';
import { TokenError, verifyAccessToken } from './jwt.ts';

export async function bearerClaims(header: string | null, secret: Uint8Array): Promise<Claims | null> {
	if (header === null) return null;
	const match = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\s*$/i.exec(header);
	if (!match || header.length > 4096) {
		throw new ApiError(401, 'invalid_token', 'Authorization must be "Bearer <access_token>"');
	}
	try {
		return verifyAccessToken(secret, match[1]);
	} catch (error) {
		if (error instanceof TokenError) throw new ApiError(401, error.code, error.message);
		throw error;
	}
}

/** The 401 for a bad or expired token: never a silent downgrade to anonymous (RFC 6750 § 3). */
export function tokenRefusal(error: ApiError): Response {
	return errorResponse(error.status, error.code, error.message, {
		'www-authenticate': `Bearer error="invalid_token"`
	});
}
