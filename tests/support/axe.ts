/**
 * axe-core in a real page: WCAG 2.0–2.2 A/AA rules (plus best practices on request). The app's CSP
 * forbids injected scripts, so open the page in a context with `bypassCSP: true`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Violations as `rule: target, target` lines (empty when the page passes). */
export async function axeViolations(page: Page, options: { bestPractice?: boolean } = {}): Promise<string[]> {
	await page.evaluate(axeSource);
	const tags = options.bestPractice ? [...wcagTags, 'best-practice'] : wcagTags;
	return page.evaluate(async (values) => {
		type Axe = {
			run: (
				context: unknown,
				options: unknown
			) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
		};
		const result = await (window as unknown as { axe: Axe }).axe.run(document, {
			runOnly: { type: 'tag', values }
		});
		return result.violations.map(
			(v) =>
				`${v.id}: ${v.nodes
					.slice(0, 5)
					.map((n) => n.target.join(' '))
					.join(', ')}`
		);
	}, tags);
}
