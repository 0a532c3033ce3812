/**
 * One HQ panel (alerts, messages, audit …) as a tab: adding a panel to /hq is one `panel(…)` line
 * in the page's list. The props are a function so the tab always renders the page's current state.
 */
import type { Component } from 'svelte';

export interface HqPanel {
	id: string;
	/** Message key of the tab's label. */
	label: string;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each panel has its own props
	component: Component<any>;
	props: () => Record<string, unknown>;
}

/** Typed at the call site: `props` must fit `component`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see HqPanel.component
export function panel<P extends Record<string, any>>(
	id: string,
	label: string,
	component: Component<P>,
	props: () => P
): HqPanel {
	return { id, label, component, props };
}
