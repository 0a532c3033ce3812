/**
 * `npm start`: the built server (adapter-node's `build/index.js`, with all its env: PORT, HOST,
 * PROTOCOL_HEADER, HOST_HEADER, SOCKET_PATH, SHUTDOWN_TIMEOUT …), plus what adapter-node cannot do:
 * - it checks BOSAI_PUBLIC_ORIGIN and BOSAI_BODY_TIMEOUT_MS first, and warns when the public
 *   origin is unset (absolute links then follow the client's Host header; docs/deployment.md);
 * - it raises adapter-node's BODY_SIZE_LIMIT default (512K) to 6M so the HQ import's 5 MB is
 *   reachable; each route keeps its own, smaller limit (src/lib/server/body.ts);
 * - it sets the security headers on every response, static files included (adapter-node's
 *   static handler answers those before Kit's `handle` runs);
 * - it hands the HTTP server to our hooks, which route GET /api/live straight to the sockets
 *   (src/lib/server/live/node-stream.ts). `node build` still works, with the slower portable stream.
 *   node scripts/start.ts [build dir, default $BOSAI_BUILD_OUT or build]
 */
import type { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bodyTimeoutMs } from '../src/lib/server/body.ts';
import { httpServerEvent } from '../src/lib/server/live/server-event.ts';
import { secureEveryResponse } from '../src/lib/server/node-security.ts';
import { configuredPublicOrigin, publicOriginVariable } from '../src/lib/server/public-origin.ts';

let origin: string | null;
try {
	origin = configuredPublicOrigin();
	bodyTimeoutMs();
} catch (error) {
	console.error(`npm start: ${error instanceof Error ? error.message : error}`);
	process.exit(1);
}
if (!origin) {
	console.warn(
		`warning: ${publicOriginVariable} is not set: CAP/Atom links, the CAP sender and HSTS follow each ` +
			`request's Host header, and those answers are not shared-cacheable. Set it to the public ` +
			`origin, e.g. ${publicOriginVariable}=https://bosai.example.jp (docs/deployment.md).`
	);
}
process.env.BODY_SIZE_LIMIT ??= '6M';

const buildDir = resolve(process.argv[2] ?? process.env.BOSAI_BUILD_OUT ?? 'build');
const { server } = (await import(pathToFileURL(join(buildDir, 'index.js')).href)) as { server: Server };
// Emitted before the event loop turns, so no request is served before the route is in place.
(process as EventEmitter).emit(httpServerEvent, server);
secureEveryResponse(server);
