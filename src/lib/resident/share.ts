/** The absolute address of a shelter's page, on the site's public origin. */
export function shelterPageUrl(origin: string, id: string): string {
	return new URL(`/shelters/${encodeURIComponent(id)}`, origin).href;
}

/** An SVG QR code of `text` (npm qrcode, in the page: no network). */
export async function qrSvg(text: string): Promise<string> {
	const { default: QRCode } = await import('qrcode');
	return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

export type ShareOutcome = 'shared' | 'copied' | 'cancelled' | 'failed';

/** Web Share API where the device has it (phones), else the clipboard. */
export async function shareOrCopy(data: { title: string; url: string }): Promise<ShareOutcome> {
	if (typeof navigator.share === 'function') {
		try {
			await navigator.share(data);
			return 'shared';
		} catch (error) {
			if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
		}
	}
	try {
		await navigator.clipboard.writeText(data.url);
		return 'copied';
	} catch {
		return 'failed';
	}
}
