/** Display preferences: parsing, resolving "auto", saving and applying to the document root. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyPrefs, parseTheme, readPrefs, resolveTheme, textKey, themeKey } from '#lib/look/prefs.ts';

function memoryStore(initial: Record<string, string> = {}) {
	const data = new Map(Object.entries(initial));
	return {
		getItem: (k: string) => data.get(k) ?? null,
		setItem: (k: string, v: string) => void data.set(k, v),
		data
	};
}

describe('display preferences', () => {
	it('reads saved choices and falls back to auto / normal text on junk', () => {
		expect(readPrefs(memoryStore({ [themeKey]: 'dark', [textKey]: 'large' }))).toEqual({
			theme: 'dark',
			largeText: true
		});
		expect(readPrefs(memoryStore({ [themeKey]: '<script>', [textKey]: 'huge' }))).toEqual({
			theme: 'auto',
			largeText: false
		});
		expect(parseTheme(null)).toBe('auto');
	});

	it('"auto" follows the system; an explicit choice wins over it', () => {
		expect(resolveTheme('auto', true)).toBe('dark');
		expect(resolveTheme('auto', false)).toBe('light');
		expect(resolveTheme('light', true)).toBe('light');
		expect(resolveTheme('dark', false)).toBe('dark');
	});

	it('saves and applies to the root element', () => {
		const store = memoryStore();
		const root = { dataset: {} as Record<string, string> } as unknown as HTMLElement;
		applyPrefs({ theme: 'auto', largeText: true }, store, root, true);
		expect(root.dataset).toEqual({ theme: 'dark', themeChoice: 'auto', text: 'large' });
		expect(store.data.get(themeKey)).toBe('auto');
		expect(readPrefs(store)).toEqual({ theme: 'auto', largeText: true });
	});

	it('the before-paint script uses the same keys and values', () => {
		const script = readFileSync('static/look-init.js', 'utf8');
		expect(script).toContain(`'${themeKey}'`);
		expect(script).toContain(`'${textKey}'`);
		expect(script).toContain("=== 'large'");
	});
});
