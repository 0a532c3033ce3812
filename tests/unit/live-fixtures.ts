/**
 * A real Node HTTP server on loopback with the direct live path (node-stream.ts) in front of a
 * stand-in for Kit, over a real in-memory PGlite with the real migrations and a hub fed by it.
 */
import { createServer, type Server } from 'node:http';
import type { Runtime } from '#lib/server/api/runtime.ts';
import { PasswordCheckQueue } from '#lib/server/auth/check-queue.ts';
import { SignInGuard } from '#lib/server/auth/sign-in-guard.ts';
import { Tarpit } from '#lib/server/auth/tarpit.ts';
import { openDatabase } from '#lib/server/db/index.ts';
import { LiveHub, type LiveHubOptions } from '#lib/server/live/hub.ts';
import { routeLiveToSockets } from '#lib/server/live/node-stream.ts';

export interface LiveServer {
	rt: Runtime;
	server: Server;
	base: string;
	close(): Promise<void>;
}

export async function startLiveServer(options: LiveHubOptions = {}): Promise<LiveServer> {
	const db = await openDatabase({ driver: 'pglite', dataDir: 'memory://', seed: false });
	const hub = new LiveHub(0, 60_000, options);
	await hub.load(db);
	db.onRealtime((message) => hub.publish(message));
	const rt: Runtime = {
		dataDir: 'memory://',
		db,
		hub,
		secret: crypto.getRandomValues(new Uint8Array(32)),
		guard: new SignInGuard(),
		enrollGuard: new SignInGuard(),
		checks: new PasswordCheckQueue(),
		tarpit: new Tarpit()
	};
	const server = createServer((_req, res) => res.end('downstream'));
	routeLiveToSockets(server, async () => rt);
	await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
	const address = server.address();
	const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	return {
		rt,
		server,
		base,
		async close() {
			hub.close();
			server.closeAllConnections();
			await new Promise((done) => server.close(done));
			await db.close();
		}
	};
}
