/**
 * QR codes for paper, drawn as one SVG path (npm `qrcode`, no network, no {@html}): each dark
 * module is a 1×1 square in a viewBox of the code's size plus the 4-module quiet zone.
 */
import QRCode from 'qrcode';

export interface QrShape {
	/** viewBox width and height, quiet zone included. */
	size: number;
	/** Path of the dark modules. */
	d: string;
}

export const quietZone = 4;

export function qrShape(text: string): QrShape {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const parts: string[] = [];
	for (let row = 0; row < modules.size; row += 1) {
		for (let col = 0; col < modules.size; col += 1) {
			if (modules.get(row, col)) parts.push(`M${col + quietZone} ${row + quietZone}h1v1h-1z`);
		}
	}
	return { size: modules.size + quietZone * 2, d: parts.join('') };
}
