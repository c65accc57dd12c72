import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** axe-core's impacts that fail a view: a person using a screen reader or a keyboard is stopped. */
const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on what the page shows now and fails, naming the view, each
 * rule and the elements it found, when any serious or critical violation is left. Minor and
 * moderate findings do not fail the view; they are returned so a spec may report them.
 */
export async function expectNoSeriousViolations(page: Page, view: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
  const described = blocking.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `  ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`).join('\n')}`);
  // Soft: one run names the violations of every view, not only the first view's.
  expect.soft(described, `${view}: serious or critical accessibility violations`).toEqual([]);
  return results.violations.filter((v) => !BLOCKING.has(v.impact ?? ''));
}
