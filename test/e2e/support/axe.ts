import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One line per rule and element, so a failure says what to fix and where. */
export function describeViolations(violations: Result[]): string {
  return violations
    .flatMap((v) => [
      `${v.impact} ${v.id}: ${v.help} (${v.nodes.length})`,
      ...v.nodes.slice(0, 8).map((n) => `    ${n.target.join(' ')}  ${n.failureSummary?.split('\n').slice(1, 2).join('').trim() ?? ''}`),
    ])
    .join('\n');
}

/** The serious and critical WCAG 2.1 A/AA violations axe-core finds on the page as it is now. */
export async function seriousViolations(page: Page): Promise<Result[]> {
  // Evaluated rather than added as a script tag: the app's Content-Security-Policy refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    (tags) => (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    WCAG_21_AA,
  );
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
