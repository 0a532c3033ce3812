/**
 * Server-Sent Events framing for GET /api/live. One event per realtime message:
 * `id:` = realtime.messages id, `event:` = the realtime.send event name, `data:` = JSON
 * `{ topic, payload }`. Frames are encoded once and shared by every subscriber.
 */
import type { RealtimeMessage } from '../db/types.ts';

const encoder = new TextEncoder();

/** Event names come from our own SQL, but a line break would split the frame: strip it. */
function field(value: string): string {
	return value.replace(/[\r\n]/g, ' ');
}

export function eventFrame(message: Pick<RealtimeMessage, 'id' | 'event' | 'topic' | 'payload'>) {
	const data = JSON.stringify({ topic: message.topic, payload: message.payload });
	return encoder.encode(`id: ${message.id}\nevent: ${field(message.event)}\ndata: ${data}\n\n`);
}

/** A comment line: keeps proxies and the client's idle timer from closing a quiet stream. */
export const heartbeatFrame = encoder.encode(': heartbeat\n\n');

/** Sent first: the reconnect delay for EventSource-style clients and an immediate flush. */
export function openingFrame(retryMs: number): Uint8Array {
	return encoder.encode(`retry: ${retryMs}\n: connected\n\n`);
}

/** Sent instead of a replay that would be too long: the client refetches state, then goes on. */
export function resyncFrame(id: number): Uint8Array {
	const data = JSON.stringify({ topic: null, payload: { reason: 'too_far_behind' } });
	return encoder.encode(`id: ${id}\nevent: resync\ndata: ${data}\n\n`);
}

/** Response headers of every live stream, whichever transport carries it. */
export const liveResponseHeaders: Readonly<Record<string, string>> = {
	'content-type': 'text/event-stream; charset=utf-8',
	'cache-control': 'no-store',
	// Tells nginx-style proxies not to buffer the stream.
	'x-accel-buffering': 'no'
};

const crlf = encoder.encode('\r\n');

/** `bytes` as one HTTP/1.1 chunk (RFC 9112 § 7.1): size in hex, CRLF, data, CRLF. */
export function httpChunk(bytes: Uint8Array): Uint8Array {
	const size = encoder.encode(`${bytes.length.toString(16)}\r\n`);
	const out = new Uint8Array(size.length + bytes.length + crlf.length);
	out.set(size, 0);
	out.set(bytes, size.length);
	out.set(crlf, size.length + bytes.length);
	return out;
}
