/**
 * Shared helpers of the notification tests: synthetic push subscriptions (a real P-256 key pair
 * and auth secret per subscriber, so a test push service can decrypt), calls of the subscribe
 * RPCs from a given client address, and counts read as the platform.
 */
import { createECDH, randomBytes } from 'node:crypto';
import type { Claims, Database } from '#lib/server/db/types.ts';

export interface SyntheticPushKeys {
	endpoint: string;
	keys: { p256dh: string; auth: string };
	/** The browser's private key (base64url), kept by the test push service to decrypt. */
	privateKey: string;
}

export function syntheticPushKeys(endpoint: string): SyntheticPushKeys {
	const ecdh = createECDH('prime256v1');
	ecdh.generateKeys();
	return {
		endpoint,
		keys: {
			p256dh: ecdh.getPublicKey().toString('base64url'),
			auth: randomBytes(16).toString('base64url')
		},
		privateKey: ecdh.getPrivateKey().toString('base64url')
	};
}

/** Calls `public.<name>(args…)` as `claims` with `x-forwarded-for: address`, like the API does. */
export async function callFrom<T>(
	db: Database,
	claims: Claims | null,
	address: string,
	name: string,
	args: unknown[]
): Promise<T> {
	return db.asUser(claims, async (tx) => {
		await tx.query(`select set_config('request.headers', $1, true)`, [
			JSON.stringify({ 'x-forwarded-for': address })
		]);
		const placeholders = args.map((_, i) => `$${i + 1}`).join(', ');
		const result = await tx.query<{ result: T }>(`select public.${name}(${placeholders}) as result`, [
			...args.map((a) => (typeof a === 'object' && a !== null ? JSON.stringify(a) : a))
		]);
		return result.rows[0].result;
	});
}

export async function countRows(db: Database, table: string, where = 'true'): Promise<number> {
	const result = await db.asService((tx) =>
		tx.query<{ n: number }>(`select count(*)::int as n from notify.${table} where ${where}`)
	);
	return result.rows[0].n;
}

/**
 * Inserts `n` synthetic push subscribers directly (as the platform, bypassing the rate limit)
 * for load tests: endpoints `${base}/${i}`, one shared key pair (the service decrypts by id).
 */
export async function insertSyntheticPushSubscribers(
	db: Database,
	options: { n: number; base: string; areas: string[]; locale?: string; keys: SyntheticPushKeys }
): Promise<void> {
	const chunk = 5000;
	for (let from = 0; from < options.n; from += chunk) {
		await db.asService((tx) =>
			tx.query(
				`insert into notify.subscribers (channel, areas, locale, endpoint, p256dh, auth, push_service)
				 select 'push', $1::text[], $2, $3 || '/' || i, $4, $5, substring($3 from '^https://[^/]+')
				 from generate_series($6::int, $7::int) as i`,
				[
					options.areas,
					options.locale ?? 'ja',
					options.base,
					options.keys.keys.p256dh,
					options.keys.keys.auth,
					from,
					Math.min(options.n, from + chunk) - 1
				]
			)
		);
	}
}
