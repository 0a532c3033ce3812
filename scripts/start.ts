/**
 * `npm start`: the built server (adapter-node's `build/index.js`, with all its env: PORT, HOST,
 * ORIGIN, SOCKET_PATH, SHUTDOWN_TIMEOUT …), plus one thing adapter-node cannot do: it hands the
 * HTTP server to our hooks, which route GET /api/live straight to the sockets
 * (src/lib/server/live/node-stream.ts). `node build` still works, with the slower portable stream.
 *   node scripts/start.ts [build dir, default $BOSAI_BUILD_OUT or build]
 */
import type { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { httpServerEvent } from '../src/lib/server/live/server-event.ts';

const buildDir = resolve(process.argv[2] ?? process.env.BOSAI_BUILD_OUT ?? 'build');
const { server } = (await import(pathToFileURL(join(buildDir, 'index.js')).href)) as { server: Server };
// Emitted before the event loop turns, so no request is served before the route is in place.
(process as EventEmitter).emit(httpServerEvent, server);
