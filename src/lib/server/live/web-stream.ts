/**
 * The portable transport of a live session: a ReadableStream Response, for `vite dev` and any
 * adapter. Every chunk passes through the stream and the adapter's copy loop, which costs a few
 * promises per subscriber per batch; `npm start` uses `node-stream.ts` instead.
 */
import { startLiveSession, type LiveRequest } from './session.ts';
import { liveResponseHeaders } from './sse.ts';

/** A stream this far behind (queued chunks) is dropped; the client resumes with Last-Event-ID. */
const maxQueuedChunks = 2_000;

export function openLiveStream(request: LiveRequest): Response {
	let stop: (() => void) | undefined;
	const body = new ReadableStream<Uint8Array>(
		{
			start(controller) {
				let open = true;
				const write = (bytes: Uint8Array): boolean => {
					if (!open || (controller.desiredSize ?? 0) < -maxQueuedChunks) return false;
					controller.enqueue(bytes);
					return true;
				};
				stop = startLiveSession(request, {
					write,
					writeBatch: (batch) => write(batch.bytes),
					close() {
						if (!open) return;
						open = false;
						try {
							controller.close();
						} catch {
							// already closed by the client
						}
					}
				}).stop;
			},
			cancel() {
				stop?.();
			}
		},
		{ highWaterMark: 1 }
	);
	return new Response(body, { headers: liveResponseHeaders });
}
