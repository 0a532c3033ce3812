/** Reads an XML request body with the telegram size limit, without buffering more than that. */
import { ApiError } from '../http.ts';
import { maxTelegramBytes } from './ingest.ts';

export async function readXmlBody(request: Request): Promise<string> {
	const type = (request.headers.get('content-type') ?? '').toLowerCase();
	if (!/^(application|text)\/xml\b/.test(type)) {
		throw new ApiError(415, 'unsupported_media_type', 'Content-Type must be application/xml');
	}
	const tooLarge = () => new ApiError(413, 'payload_too_large', `Body larger than ${maxTelegramBytes} bytes`);
	if (Number(request.headers.get('content-length') ?? '0') > maxTelegramBytes) throw tooLarge();
	if (!request.body) throw new ApiError(400, 'invalid_telegram', 'Empty body');
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > maxTelegramBytes) {
			await reader.cancel();
			throw tooLarge();
		}
		chunks.push(value);
	}
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
	} catch {
		throw new ApiError(400, 'invalid_telegram', 'Body is not UTF-8');
	}
}
