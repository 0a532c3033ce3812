/** The error every API route throws for a caller's mistake; handleApi turns it into its JSON answer. */
export class ApiError extends Error {
	// Plain fields: Node's type stripping (the users CLI) cannot run constructor parameter properties.
	readonly status: number;
	readonly code: string;
	/** Extra response headers, e.g. Retry-After of a 429. */
	readonly headers?: HeadersInit;
	constructor(status: number, code: string, message: string, headers?: HeadersInit) {
		super(message);
		this.name = 'ApiError';
		this.status = status;
		this.code = code;
		this.headers = headers;
	}
}
