// A readiness finding placed in the linted text — its range, line and column, and the quick fixes
// the language can write — the same for ARM templates (lintTemplate.ts) and Bicep files
// (src/bicep/lintBicep.ts). Type imports only, so the Bicep bundle does not pull in the ARM linter.
import type { FixIntent } from '../readiness/fixIntents';
import type { ReadinessFinding } from '../readiness/findings';
import type { SourceRange } from '../readiness/model';
import type { LintFinding } from './lintTemplate';
import type { LineIndex } from './positions';
import type { QuickFix } from './quickFixEdits';

/** Writes one fix intent as edits; `renameRange` is the property name a rename fix replaces. */
export type QuickFixWriter = (intent: FixIntent, renameRange: SourceRange | undefined) => QuickFix | undefined;

export interface FindingPlacement {
  readonly range: SourceRange;
  readonly lines: LineIndex;
  /** Undefined when no fix can be written there (a scale set inside a Bicep module). */
  readonly quickFix?: QuickFixWriter;
  /** The message shown (default: the finding's own). */
  readonly message?: string;
}

export function lintFinding(finding: ReadinessFinding, placement: FindingPlacement): LintFinding {
  const { range, lines, quickFix } = placement;
  const fixes: QuickFix[] = [];
  if (quickFix) {
    for (const intent of finding.fixes ?? []) {
      const fix = quickFix(intent, intent.kind === 'rename-rolling-policy-property' ? finding.origin.range : undefined);
      if (fix) fixes.push(fix);
    }
  }
  return {
    rule: finding.rule,
    code: finding.code,
    severity: finding.severity,
    kind: finding.kind,
    message: placement.message ?? finding.message,
    resource: finding.resource,
    docUrl: finding.docUrl,
    range,
    start: lines.positionAt(range.offset),
    end: lines.positionAt(range.offset + range.length),
    fixes,
  };
}
