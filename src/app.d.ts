// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			code?: string;
		}
		interface Locals {
			locale: import('#lib/i18n/locales.ts').Locale;
			/** Verified JWT claims of the caller (null for anonymous); set in hooks.server.ts. */
			claims: import('#lib/server/db/types.ts').Claims | null;
		}
	}
}

export {};
