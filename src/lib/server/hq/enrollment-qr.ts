/** The QR of an enrollment code's /staff address, as an SVG string (npm `qrcode`, no canvas). */
import QRCode from 'qrcode';
import { enrollmentUrl } from '#lib/accounts/enrollment-code.ts';

export async function enrollmentQr(origin: string, code: string): Promise<{ url: string; svg: string }> {
	const url = enrollmentUrl(origin, code);
	const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
	return { url, svg };
}
