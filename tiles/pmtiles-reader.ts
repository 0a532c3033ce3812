/** Reads a PMTiles archive from memory with the official `pmtiles` reader (used to verify). */
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';

class BufferSource implements Source {
	private readonly bytes: Uint8Array;
	private readonly key: string;
	constructor(bytes: Uint8Array, key: string) {
		this.bytes = bytes;
		this.key = key;
	}
	getKey(): string {
		return this.key;
	}
	async getBytes(offset: number, length: number): Promise<RangeResponse> {
		const slice = this.bytes.slice(offset, offset + length);
		return { data: slice.buffer };
	}
}

export function openArchive(bytes: Uint8Array, key = 'archive'): PMTiles {
	return new PMTiles(new BufferSource(bytes, key));
}
