// An automated accessibility audit of the dashboard webview with axe-core (WCAG 2.1 A and AA rules)
// inside the real workbench. axe is evaluated through the DevTools protocol, which the webview's CSP
// does not govern — the page itself still cannot run injected script (privacy.test.ts checks that).
import { readFileSync } from 'node:fs';
import type { FrameLocator } from 'playwright-core';

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly unknown[]; readonly failureSummary?: string }[];
}

interface AxeOutcome {
  readonly violations: readonly AxeViolation[];
  readonly passes: number;
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the webview's document; resolves to its violations and the number of rules passed. */
export async function auditAccessibility(view: FrameLocator): Promise<AxeOutcome> {
  const body = await view.locator('body').elementHandle();
  const frame = await body?.ownerFrame();
  if (!frame) throw new Error('the dashboard webview has no frame to audit');
  if (!(await frame.evaluate('typeof axe !== "undefined"'))) await frame.evaluate(axeSource);
  return frame.evaluate<AxeOutcome>(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
    .then((r) => ({ violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })), passes: r.passes.length }))`);
}

/** One line per violation, for an assertion message a reader can act on. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}\n  ${v.nodes[0]?.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
    .join('\n');
}
