// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			code?: string;
		}
		interface Locals {
			locale: import('#lib/i18n/locales').Locale;
		}
	}
}

export {};
