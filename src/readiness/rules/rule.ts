// The shape every readiness rule has, and the few constructors the rules share.
import type { FactLine, Issue, RuleEvaluation } from '../findings';
import { unknownReason } from '../facts';
import type { Fact, ModelShape, Origin, ScaleSetModel } from '../model';
import type { RuleId } from '../ruleCatalog';
import type { SupportedImageTable } from '../supportedImages';

export interface RuleContext {
  /** The table R2 judges by. */
  readonly imageTable: SupportedImageTable;
  /** The other table, to tell "no longer listed" from "never listed". */
  readonly otherImageTable: SupportedImageTable;
  /** Epoch milliseconds from the injected clock (never Date.now in rules); undefined when none was given. */
  readonly now?: number;
}

export interface ReadinessRule {
  readonly id: RuleId;
  /** Model shapes the rule judges (default: only complete models). */
  readonly shapes?: readonly ModelShape[];
  evaluate(model: ScaleSetModel, context: RuleContext): RuleEvaluation;
}

export function pass(rule: RuleId, facts: FactLine[], note?: string): RuleEvaluation {
  return { rule, status: 'pass', facts, issues: [], note };
}

export function notApplicable(rule: RuleId, note: string, facts: FactLine[] = []): RuleEvaluation {
  return { rule, status: 'not-applicable', facts, issues: [], note };
}

export function fail(rule: RuleId, facts: FactLine[], issue: Omit<Issue, 'kind'>): RuleEvaluation {
  return { rule, status: 'fail', facts, issues: [{ kind: 'violation', ...issue }] };
}

export function note(rule: RuleId, facts: FactLine[], issue: Omit<Issue, 'kind'>): RuleEvaluation {
  return { rule, status: 'info', facts, issues: [{ kind: 'note', ...issue }] };
}

/** The rule depends on a value only the deployment knows: an informational finding, never an error. */
export function dependsOnDeployment(rule: RuleId, facts: FactLine[], fact: Fact, question: string, origin: Origin = fact.origin): RuleEvaluation {
  return {
    rule,
    status: 'unknown',
    facts,
    issues: [{ kind: 'deployment-time', origin, message: `${rule}: depends on a deployment-time value (${unknownReason(fact)}): ${question}` }],
  };
}
