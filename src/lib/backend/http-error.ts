/** The BackendError of an HTTP answer `{ error: { code, message } }` (or of any non-JSON error). */
import { BackendError } from './port.ts';

export async function backendErrorOf(response: Response): Promise<BackendError> {
	let code = 'http_error';
	let message = response.statusText || `HTTP ${response.status}`;
	try {
		const body = (await response.json()) as { error?: { code?: string; message?: string } };
		code = body.error?.code ?? code;
		message = body.error?.message ?? message;
	} catch {
		// not JSON (a proxy's error page): keep the status text
	}
	return new BackendError(response.status, code, message);
}
