// Runs the readiness rules on one ScaleSetModel and turns their issues into findings with the
// severities the caller configured. Template linting, hovers, the live readiness report and the
// CLI all go through here, so they print the same findings.
import type { Issue, ReadinessFinding, ReadinessOptions, ReadinessReport, RuleEvaluation } from './findings';
import type { ScaleSetModel } from './model';
import { ruleInfo, type RuleInfo, type Severity, type SeveritySetting } from './ruleCatalog';
import { readinessRules } from './rules';
import type { RuleContext } from './rules/rule';
import { currentImageTable, seedImageTable } from './supportedImages';

function configuredSeverity(rule: RuleInfo, options: ReadinessOptions): SeveritySetting {
  return options.severity?.[rule.code] ?? options.severity?.[rule.id] ?? rule.defaultSeverity;
}

/** The severity of one issue: violations take the rule's (configured) severity; the rest are information. */
function issueSeverity(issue: Issue, setting: Severity): Severity {
  if (issue.kind !== 'violation') return 'information';
  return issue.severity ?? setting;
}

export function evaluateReadiness(model: ScaleSetModel, options: ReadinessOptions = {}): ReadinessReport {
  const context: RuleContext =
    options.imageTable === 'seed-2020'
      ? { imageTable: seedImageTable, otherImageTable: currentImageTable }
      : { imageTable: currentImageTable, otherImageTable: seedImageTable };
  const evaluations: RuleEvaluation[] = [];
  const findings: ReadinessFinding[] = [];
  for (const rule of readinessRules) {
    if (!(rule.shapes ?? ['full']).includes(model.shape)) continue;
    const info = ruleInfo(rule.id);
    const setting = configuredSeverity(info, options);
    if (setting === 'off') continue;
    const evaluation = rule.evaluate(model, context);
    evaluations.push(evaluation);
    for (const issue of evaluation.issues) {
      findings.push({
        rule: rule.id,
        code: info.code,
        severity: issueSeverity(issue, setting),
        kind: issue.kind,
        message: issue.message,
        resource: model.label,
        origin: issue.origin,
        docUrl: info.docUrl,
        fixes: issue.fixes,
      });
    }
  }
  return { resource: model.label, origin: model.origin, evaluations, findings };
}
