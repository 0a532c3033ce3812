/**
 * Keyboard shortcuts of the HQ screen (pure: the page maps a key to an action). Shown on screen by
 * the "?" help; never active while typing in a field, and never with Ctrl/Alt/Meta (browser keys).
 */
export type ShortcutAction =
	| { kind: 'help' }
	| { kind: 'search' }
	| { kind: 'view-filter' }
	| { kind: 'clear' }
	| { kind: 'tab'; index: number };

export interface KeyInput {
	key: string;
	ctrlKey?: boolean;
	altKey?: boolean;
	metaKey?: boolean;
	/** Tag name of the focused element (INPUT, TEXTAREA, SELECT …) and whether it is editable. */
	targetTag?: string;
	targetEditable?: boolean;
}

/** The list shown in the help: key and message key of its description. */
export const shortcutList: [string, string][] = [
	['?', 'hq.keys.help'],
	['/', 'hq.keys.search'],
	['v', 'hq.keys.view_filter'],
	['1–9', 'hq.keys.tab'],
	['Esc', 'hq.keys.clear']
];

const typingTags = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

export function shortcutFor(input: KeyInput, tabCount: number): ShortcutAction | null {
	if (input.ctrlKey || input.altKey || input.metaKey) return null;
	const typing = typingTags.has(input.targetTag ?? '') || input.targetEditable === true;
	if (input.key === 'Escape') return typing ? null : { kind: 'clear' };
	if (typing) return null;
	if (input.key === '?') return { kind: 'help' };
	if (input.key === '/') return { kind: 'search' };
	if (input.key === 'v' || input.key === 'V') return { kind: 'view-filter' };
	if (/^[1-9]$/.test(input.key)) {
		const index = Number(input.key) - 1;
		return index < tabCount ? { kind: 'tab', index } : null;
	}
	return null;
}

/** Arrow-key movement in a tablist (WAI-ARIA tabs pattern): wraps around; Home/End jump. */
export function tabMove(key: string, index: number, count: number): number | null {
	if (count === 0) return null;
	if (key === 'ArrowRight' || key === 'ArrowDown') return (index + 1) % count;
	if (key === 'ArrowLeft' || key === 'ArrowUp') return (index - 1 + count) % count;
	if (key === 'Home') return 0;
	if (key === 'End') return count - 1;
	return null;
}
