import type { Locale } from '../locales.ts';

/** One area's messages: every locale has the same keys (checked by tests/unit/i18n.test.ts). */
export type AreaCatalog = Record<Locale, Record<string, string>>;
