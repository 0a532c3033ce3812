/**
 * RFC 8058 one-click unsubscribe: mail providers POST `List-Unsubscribe=One-Click` to the URL of
 * the List-Unsubscribe header, as a form, from their own servers (no Origin of ours). Kit's CSRF
 * guard refuses such form posts before any hook runs, so under `npm start` (which hands us its
 * HTTP server, like the live streams) this one path is answered before Kit. The token in the URL
 * is the whole authority: it names one subscription and nothing else.
 */
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { Database } from '../db/types.ts';
import { callNotifyRpc } from './rpc.ts';

export const unsubscribePath = '/api/notify/unsubscribe';

export async function oneClickUnsubscribe(db: Database, token: string, address: string): Promise<boolean> {
	try {
		await callNotifyRpc(db, null, address, 'delete_subscription', [token]);
		return true;
	} catch (error) {
		if ((error as { code?: string }).code === 'P0002') return false;
		throw error;
	}
}

export function routeOneClickUnsubscribe(server: Server, db: () => Promise<Database>): void {
	const downstream = server.listeners('request') as RequestListener[];
	server.removeAllListeners('request');
	server.on('request', (req: IncomingMessage, res: ServerResponse) => {
		const url = URL.parse(req.url ?? '/', 'http://localhost');
		if (req.method === 'POST' && url?.pathname === unsubscribePath) {
			void answer(req, res, url, db);
			return;
		}
		for (const listener of downstream) listener.call(server, req, res);
	});
}

async function answer(req: IncomingMessage, res: ServerResponse, url: URL, db: () => Promise<Database>) {
	try {
		// The body is only `List-Unsubscribe=One-Click`; read a little and ignore the rest.
		let size = 0;
		for await (const chunk of req) {
			size += (chunk as Buffer).length;
			if (size > 4096) break;
		}
		const token = url.searchParams.get('token') ?? '';
		const done = await oneClickUnsubscribe(await db(), token, req.socket.remoteAddress ?? 'unknown');
		res.writeHead(done ? 200 : 404, {
			'content-type': 'text/plain; charset=utf-8',
			'cache-control': 'no-store'
		});
		res.end(done ? 'unsubscribed\n' : 'unknown or expired link\n');
	} catch (error) {
		console.error('unsubscribe:', error instanceof Error ? error.message : error);
		if (!res.headersSent) res.writeHead(500);
		res.end();
	}
}
