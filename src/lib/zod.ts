/**
 * zod for code that runs in the browser or the service worker. Its JIT probes `new Function('')`,
 * which our CSP (no 'unsafe-eval') refuses, so every page that validated anything logged a CSP
 * violation (and sent a report where reporting is on). Outside Node it runs jitless; the server
 * keeps the JIT.
 */
import { z } from 'zod';

const inNode =
	typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === 'string';
if (!inNode) z.config({ jitless: true });

export { z };
