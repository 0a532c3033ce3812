/**
 * The process event scripts/start.ts emits with adapter-node's `http.Server`, the way adapter-node
 * itself emits `sveltekit:shutdown`. Its own module, free of imports, so the unbundled start
 * script can share the name without loading the server code a second time.
 */
export const httpServerEvent = 'bosai-map:http-server';
