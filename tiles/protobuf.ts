/** The few protobuf writes the glyph format needs (varint, zigzag, length-delimited). */
export class ProtoWriter {
	private readonly bytes: number[] = [];

	varint(value: number): this {
		let rest = value;
		while (rest >= 0x80) {
			this.bytes.push((rest % 0x80) | 0x80);
			rest = Math.floor(rest / 0x80);
		}
		this.bytes.push(rest);
		return this;
	}

	uint(field: number, value: number): this {
		return this.varint(field * 8).varint(value);
	}

	sint(field: number, value: number): this {
		return this.uint(field, value >= 0 ? value * 2 : -value * 2 - 1);
	}

	bytesField(field: number, data: Uint8Array): this {
		this.varint(field * 8 + 2).varint(data.length);
		for (const byte of data) this.bytes.push(byte);
		return this;
	}

	string(field: number, value: string): this {
		return this.bytesField(field, new TextEncoder().encode(value));
	}

	finish(): Uint8Array {
		return new Uint8Array(this.bytes);
	}
}
