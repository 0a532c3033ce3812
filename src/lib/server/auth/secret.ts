/**
 * The HS256 signing secret: BOSAI_JWT_SECRET when set, else a random secret generated once and kept
 * in the data dir (mode 0600) so tokens survive a restart. Never logged.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const secretFileName = 'jwt-secret';
const minSecretBytes = 32;

function secretFromEnv(env: NodeJS.ProcessEnv): Uint8Array | null {
	const fromEnv = env.BOSAI_JWT_SECRET;
	if (!fromEnv) return null;
	if (Buffer.byteLength(fromEnv) < minSecretBytes) {
		throw new Error(`BOSAI_JWT_SECRET must be at least ${minSecretBytes} bytes`);
	}
	return new TextEncoder().encode(fromEnv);
}

/**
 * PostgreSQL mode: every app server must sign and verify with the same secret, so it comes from
 * the environment (one server's disk would sign the others' users out).
 */
export function sharedJwtSecret(env = process.env): Uint8Array {
	const secret = secretFromEnv(env);
	if (!secret) {
		throw new Error(
			`DATABASE_URL is set: set BOSAI_JWT_SECRET too (at least ${minSecretBytes} bytes, the same on every app server)`
		);
	}
	return secret;
}

export function loadJwtSecret(dataDir: string, env = process.env): Uint8Array {
	const fromEnv = secretFromEnv(env);
	if (fromEnv) return fromEnv;
	const file = join(dataDir, secretFileName);
	if (!existsSync(file)) {
		mkdirSync(dataDir, { recursive: true });
		try {
			// 'wx' fails if another process created it first; then we read theirs.
			writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
	}
	chmodSync(file, 0o600);
	const secret = readFileSync(file, 'utf8').trim();
	if (Buffer.byteLength(secret) < minSecretBytes) throw new Error(`${file} holds a too short secret`);
	return new TextEncoder().encode(secret);
}
