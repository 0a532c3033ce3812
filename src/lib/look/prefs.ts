/**
 * Display preferences (theme, large text) that persist in localStorage. static/look-init.js applies
 * the same keys before first paint (no flash); this module is the typed version for the settings UI.
 */
export const themeChoices = ['auto', 'light', 'dark'] as const;
export type ThemeChoice = (typeof themeChoices)[number];
export type Theme = 'light' | 'dark';

export const themeKey = 'bosai.theme';
export const textKey = 'bosai.text';

export function parseTheme(value: string | null | undefined): ThemeChoice {
	return themeChoices.includes(value as ThemeChoice) ? (value as ThemeChoice) : 'auto';
}

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
	if (choice === 'auto') return systemDark ? 'dark' : 'light';
	return choice;
}

export function parseLargeText(value: string | null | undefined): boolean {
	return value === 'large';
}

interface Store {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
}

export interface Prefs {
	theme: ThemeChoice;
	largeText: boolean;
}

export function readPrefs(store: Store): Prefs {
	return { theme: parseTheme(store.getItem(themeKey)), largeText: parseLargeText(store.getItem(textKey)) };
}

/** Saves and applies to the document root (data-theme resolved, data-text). */
export function applyPrefs(prefs: Prefs, store: Store, root: HTMLElement, systemDark: boolean) {
	store.setItem(themeKey, prefs.theme);
	store.setItem(textKey, prefs.largeText ? 'large' : 'normal');
	root.dataset.theme = resolveTheme(prefs.theme, systemDark);
	root.dataset.themeChoice = prefs.theme;
	root.dataset.text = prefs.largeText ? 'large' : 'normal';
}
