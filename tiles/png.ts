/** A minimal PNG encoder (RGBA, 8 bit, no filtering) for the icon sprite. */
import { crc32, deflateSync } from 'node:zlib';
import { concatBytes } from './bytes.ts';

function chunk(type: string, data: Uint8Array): Uint8Array {
	const out = new Uint8Array(12 + data.length);
	const view = new DataView(out.buffer);
	view.setUint32(0, data.length);
	const typeAndData = new Uint8Array(4 + data.length);
	typeAndData.set(new TextEncoder().encode(type), 0);
	typeAndData.set(data, 4);
	out.set(typeAndData, 4);
	view.setUint32(8 + data.length, crc32(typeAndData));
	return out;
}

export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
	const header = new DataView(new ArrayBuffer(13));
	header.setUint32(0, width);
	header.setUint32(4, height);
	header.setUint8(8, 8);
	header.setUint8(9, 6);
	const raw = new Uint8Array(height * (width * 4 + 1));
	for (let row = 0; row < height; row++)
		raw.set(rgba.subarray(row * width * 4, (row + 1) * width * 4), row * (width * 4 + 1) + 1);
	const parts = [
		new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', new Uint8Array(header.buffer)),
		chunk('IDAT', new Uint8Array(deflateSync(raw, { level: 9 }))),
		chunk('IEND', new Uint8Array(0))
	];
	return concatBytes(parts);
}
