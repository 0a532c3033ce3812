/** HQ one-screen layout rules: keyboard shortcuts, tablist movement, the map-view table filter. */
import { describe, expect, it } from 'vitest';
import { shortcutFor, shortcutList, tabMove } from '#lib/hq/shortcuts.ts';
import { idsInView, inBounds, type Bounds } from '#lib/hq/view.ts';
import type { HqShelter } from '#lib/hq/types.ts';

const at = (id: string, lon: number, lat: number) => ({ id, lon, lat }) as HqShelter;

describe('keyboard shortcuts', () => {
	it('maps the documented keys to actions, tabs only up to the count', () => {
		expect(shortcutFor({ key: '?' }, 8)).toEqual({ kind: 'help' });
		expect(shortcutFor({ key: '/' }, 8)).toEqual({ kind: 'search' });
		expect(shortcutFor({ key: 'v' }, 8)).toEqual({ kind: 'view-filter' });
		expect(shortcutFor({ key: 'Escape' }, 8)).toEqual({ kind: 'clear' });
		expect(shortcutFor({ key: '3' }, 8)).toEqual({ kind: 'tab', index: 2 });
		expect(shortcutFor({ key: '9' }, 8)).toBeNull();
		expect(shortcutFor({ key: 'x' }, 8)).toBeNull();
	});

	it('never fires while typing or with a modifier (browser keys stay the browser’s)', () => {
		expect(shortcutFor({ key: '/', targetTag: 'INPUT' }, 8)).toBeNull();
		expect(shortcutFor({ key: '1', targetTag: 'TEXTAREA' }, 8)).toBeNull();
		expect(shortcutFor({ key: 'v', targetTag: 'SELECT' }, 8)).toBeNull();
		expect(shortcutFor({ key: '?', targetEditable: true }, 8)).toBeNull();
		expect(shortcutFor({ key: 'Escape', targetTag: 'INPUT' }, 8)).toBeNull();
		expect(shortcutFor({ key: '1', ctrlKey: true }, 8)).toBeNull();
		expect(shortcutFor({ key: 'v', metaKey: true }, 8)).toBeNull();
		expect(shortcutFor({ key: '/', altKey: true }, 8)).toBeNull();
	});

	it('every documented key has an action', () => {
		for (const [key] of shortcutList) {
			const probe = key === 'Esc' ? 'Escape' : key === '1–9' ? '1' : key;
			expect(shortcutFor({ key: probe }, 8), key).not.toBeNull();
		}
	});
});

describe('tablist keys (WAI-ARIA tabs)', () => {
	it('arrows wrap, Home/End jump, other keys do nothing', () => {
		expect(tabMove('ArrowRight', 0, 3)).toBe(1);
		expect(tabMove('ArrowRight', 2, 3)).toBe(0);
		expect(tabMove('ArrowLeft', 0, 3)).toBe(2);
		expect(tabMove('Home', 2, 3)).toBe(0);
		expect(tabMove('End', 0, 3)).toBe(2);
		expect(tabMove('Enter', 0, 3)).toBeNull();
		expect(tabMove('ArrowRight', 0, 0)).toBeNull();
	});
});

describe('table filtered by the map view', () => {
	const bounds: Bounds = [139.5, 35.6, 139.6, 35.7];
	const shelters = [at('in', 139.55, 35.65), at('edge', 139.6, 35.7), at('out', 139.65, 35.65)];

	it('keeps the shelters inside the view, edges included', () => {
		expect(inBounds(shelters[0]!, bounds)).toBe(true);
		expect(inBounds(shelters[1]!, bounds)).toBe(true);
		expect(inBounds(shelters[2]!, bounds)).toBe(false);
		expect([...idsInView(shelters, bounds, true)!]).toEqual(['in', 'edge']);
	});

	it('is no filter when off or before the map reported its view', () => {
		expect(idsInView(shelters, bounds, false)).toBeNull();
		expect(idsInView(shelters, null, true)).toBeNull();
	});
});
