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

function contextFor(options: ReadinessOptions): RuleContext {
  const tables =
    options.imageTable === 'seed-2020'
      ? { imageTable: seedImageTable, otherImageTable: currentImageTable }
      : { imageTable: currentImageTable, otherImageTable: seedImageTable };
  return { ...tables, now: options.clock?.now() };
}

/** The verdicts of every rule that applies to the model's shape and is not turned off. */
export function evaluateRules(model: ScaleSetModel, options: ReadinessOptions = {}): RuleEvaluation[] {
  const context = contextFor(options);
  const evaluations: RuleEvaluation[] = [];
  for (const rule of readinessRules) {
    if (!(rule.shapes ?? ['full']).includes(model.shape)) continue;
    if (configuredSeverity(ruleInfo(rule.id), options) === 'off') continue;
    evaluations.push(rule.evaluate(model, context));
  }
  return evaluations;
}

/** The report of given verdicts: each issue becomes a finding with the configured severity. */
export function reportOf(model: ScaleSetModel, evaluations: readonly RuleEvaluation[], options: ReadinessOptions = {}): ReadinessReport {
  const findings: ReadinessFinding[] = [];
  for (const evaluation of evaluations) {
    const info = ruleInfo(evaluation.rule);
    const setting = configuredSeverity(info, options);
    if (setting === 'off') continue;
    for (const issue of evaluation.issues) {
      findings.push({
        rule: evaluation.rule,
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

export function evaluateReadiness(model: ScaleSetModel, options: ReadinessOptions = {}): ReadinessReport {
  return reportOf(model, evaluateRules(model, options), options);
}
