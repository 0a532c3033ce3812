import { describe, expect, test } from 'vitest';
import { databaseMode, DatabaseConfigError } from '#lib/server/db/mode.ts';
import { sharedJwtSecret } from '#lib/server/auth/secret.ts';

describe('database mode', () => {
	test('is embedded PGlite in BOSAI_DATA_DIR when DATABASE_URL is unset or empty', () => {
		expect(databaseMode({ BOSAI_DATA_DIR: '/tmp/x' })).toEqual({ driver: 'pglite', dataDir: '/tmp/x' });
		expect(databaseMode({ DATABASE_URL: '  ', BOSAI_DATA_DIR: '/tmp/x' }).driver).toBe('pglite');
	});

	test('is PostgreSQL for a postgres:// or postgresql:// URL naming a database', () => {
		for (const url of [
			'postgres://bosai@db.example:5432/bosai',
			'postgresql://u:p@127.0.0.1/city?sslmode=require'
		]) {
			expect(databaseMode({ DATABASE_URL: url })).toEqual({ driver: 'postgres', connectionString: url });
		}
	});

	test.each(['not a url', 'mysql://db/bosai', 'postgres://db.example:5432', 'postgres://db.example/'])(
		'refuses DATABASE_URL %s with a clear error',
		(url) => {
			expect(() => databaseMode({ DATABASE_URL: url })).toThrow(DatabaseConfigError);
		}
	);

	test('PostgreSQL mode wants one JWT secret for every app server, from the environment', () => {
		expect(() => sharedJwtSecret({})).toThrow(/BOSAI_JWT_SECRET/);
		expect(() => sharedJwtSecret({ BOSAI_JWT_SECRET: 'short' })).toThrow(/at least 32 bytes/);
		const secret = 'x'.repeat(40);
		expect(new TextDecoder().decode(sharedJwtSecret({ BOSAI_JWT_SECRET: secret }))).toBe(secret);
	});
});
