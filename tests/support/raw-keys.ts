/**
 * Message keys shown as text (「print.status_link」) mean a screen used a message area that is not
 * loaded for its route (src/lib/i18n/catalog/core.ts loads some areas lazily, by route prefix).
 */
import type { Page } from 'playwright-core';
import { areas } from '#lib/i18n/catalog/index.ts';

const areaNames = Object.keys(areas).join('|');
const rawKey = new RegExp(`(?<![\\w./-])(?:${areaNames})\\.[a-z0-9_]+(?:\\.[a-z0-9_]+)*\\b`, 'g');

/** The message keys visible on the page as text (empty when every message is translated). */
export async function rawKeysShown(page: Page): Promise<string[]> {
	const text = await page.locator('body').innerText();
	return [...new Set(text.match(rawKey) ?? [])];
}
