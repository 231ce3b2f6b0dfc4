// Unresolved conditions (issue 14 hole 2): when a verdict depends on a parameter only known at
// deployment whose values can be listed (a bool, or allowedValues), the rules run once per value
// with the whole model rebuilt — so two properties decided by the same parameter stay together
// (`if(useRolling, 'Rolling', 'Manual')` next to `if(useRolling, probe, null)`). A rule then
// fails when every branch fails, passes when every branch passes, and only "depends on X" —
// naming X and which values fail — when the branches differ. Shared by every adapter.
import { evaluateRules, reportOf } from './evaluateReadiness';
import type { Issue, ReadinessOptions, ReadinessReport, RuleEvaluation } from './findings';
import type { ScaleSetModel } from './model';
import { decidingParameters, describeValue, type Value } from './value';

/** What an adapter offers to evaluate branches: the values of a parameter, and the model with parameters fixed. */
export interface BranchSource {
  /** The values a parameter can take at deployment (lower-case name), or undefined when they cannot be listed. */
  domainOf(parameter: string): readonly Value[] | undefined;
  /** The same scale set with these parameters (lower-case names) fixed. */
  modelWith(assignment: ReadonlyMap<string, Value>): ScaleSetModel | undefined;
}

/** At most this many branches (combinations of parameter values) are evaluated per scale set. */
export const maxBranches = 16;

type Outcome = 'pass' | 'fail' | 'unknown' | string;

function outcomeOf(evaluation: RuleEvaluation | undefined): Outcome {
  if (!evaluation) return 'pass';
  switch (evaluation.status) {
    case 'pass':
    case 'not-applicable':
      return 'pass';
    case 'fail':
      return 'fail';
    case 'unknown':
      return 'unknown';
    case 'info':
      return `info:${evaluation.issues.map((i) => i.message).join('\n')}`;
  }
}

function assignments(parameters: readonly string[], source: BranchSource): Map<string, Value>[] | undefined {
  let combos: Map<string, Value>[] = [new Map()];
  for (const parameter of parameters) {
    const domain = source.domainOf(parameter);
    if (!domain || domain.length === 0) return undefined;
    combos = combos.flatMap((combo) => domain.map((value) => new Map(combo).set(parameter, value)));
    if (combos.length > maxBranches) return undefined;
  }
  return combos;
}

function describeAssignment(assignment: ReadonlyMap<string, Value>, names: ReadonlyMap<string, string>): string {
  return [...assignment].map(([key, value]) => `${names.get(key) ?? key} = ${describeValue(value)}`).join(', ');
}

/** The parameters a still-undecided verdict names in its reasons. */
function undecidedParameters(evaluations: readonly RuleEvaluation[]): { keys: string[]; names: Map<string, string> } {
  const names = new Map<string, string>();
  for (const evaluation of evaluations) {
    if (evaluation.status !== 'unknown') continue;
    const texts = [...evaluation.issues.map((i) => i.message), ...evaluation.facts.map((f) => (f.fact.state === 'unknown' ? f.fact.reason : ''))];
    for (const text of texts) {
      for (const name of decidingParameters(text)) if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
    }
  }
  return { keys: [...names.keys()], names };
}

function withSuffix(issue: Issue, suffix: string): Issue {
  return { ...issue, message: `${issue.message}${suffix}` };
}

function merged(base: RuleEvaluation, branches: readonly { label: string; evaluation: RuleEvaluation | undefined }[], deciders: string): RuleEvaluation {
  const outcomes = branches.map((b) => outcomeOf(b.evaluation));
  if (outcomes.includes('unknown')) return base;
  const first = branches[0].evaluation;
  if (outcomes.every((o) => o === outcomes[0])) {
    const always = ` (for every value of ${deciders})`;
    if (outcomes[0] === 'pass') return { rule: base.rule, status: 'pass', facts: base.facts, issues: [], note: `passes for every value of ${deciders}` };
    if (!first) return base;
    return { ...first, facts: base.facts, issues: first.issues.map((issue) => withSuffix(issue, always)) };
  }
  const failing = branches.filter((_, i) => outcomes[i] === 'fail').map((b) => b.label);
  const passing = branches.filter((_, i) => outcomes[i] === 'pass').map((b) => b.label);
  const parts = [failing.length ? `fails when ${failing.join(' or ')}` : '', passing.length ? `passes when ${passing.join(' or ')}` : ''].filter(Boolean);
  const detail = parts.length ? `: it ${parts.join(', ')}` : `: the verdict differs between ${branches.map((b) => b.label).join(' and ')}`;
  return { ...base, issues: base.issues.map((issue) => (issue.kind === 'deployment-time' ? withSuffix(issue, `. Decided by ${deciders}${detail}`) : issue)) };
}

/**
 * The report with every undecided verdict judged per branch of the parameters it depends on.
 * Returns `report` itself when nothing is undecided or the branches cannot be listed.
 */
export function evaluateAcrossBranches(model: ScaleSetModel, report: ReadinessReport, source: BranchSource, options: ReadinessOptions = {}): ReadinessReport {
  const { keys, names } = undecidedParameters(report.evaluations);
  if (keys.length === 0) return report;
  const combos = assignments(keys, source);
  if (!combos || combos.length < 2) return report;
  const branchEvaluations: { label: string; evaluations: RuleEvaluation[] }[] = [];
  for (const assignment of combos) {
    const branchModel = source.modelWith(assignment);
    if (!branchModel) return report;
    branchEvaluations.push({ label: describeAssignment(assignment, names), evaluations: evaluateRules(branchModel, options) });
  }
  const deciders = keys.map((key) => `parameter '${names.get(key) ?? key}'`).join(' and ');
  const evaluations = report.evaluations.map((base) => {
    if (base.status !== 'unknown') return base;
    const branches = branchEvaluations.map((b) => ({ label: b.label, evaluation: b.evaluations.find((e) => e.rule === base.rule) }));
    return merged(base, branches, deciders);
  });
  return reportOf(model, evaluations, options);
}
