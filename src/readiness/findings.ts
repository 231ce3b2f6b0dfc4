// What the rules report. An Issue is a rule's raw observation; a Finding is an Issue with the
// rule's code, the severity the caller configured and the resource it is about.
import type { FixIntent } from './fixIntents';
import type { Fact, Origin } from './model';
import type { RuleId, Severity, SeveritySetting } from './ruleCatalog';

/** violation: the rule fails; deployment-time: the rule depends on a value known only at deployment; note: a state worth knowing. */
export type IssueKind = 'violation' | 'deployment-time' | 'note';

export interface Issue {
  readonly kind: IssueKind;
  readonly message: string;
  readonly origin: Origin;
  /** Overrides the rule's severity for this issue (e.g. a legacy flag that is set to false). */
  readonly severity?: Severity;
  readonly fixes?: readonly FixIntent[];
}

export type RuleStatus = 'pass' | 'fail' | 'unknown' | 'info' | 'not-applicable';

export interface FactLine {
  readonly label: string;
  readonly fact: Fact;
}

/** One rule's verdict on one scale set, with the resolved values it looked at (for hovers). */
export interface RuleEvaluation {
  readonly rule: RuleId;
  readonly status: RuleStatus;
  readonly facts: readonly FactLine[];
  readonly issues: readonly Issue[];
  /** Why the rule passed or does not apply, when that is worth a line in the summary. */
  readonly note?: string;
}

export interface ReadinessFinding {
  readonly rule: RuleId;
  readonly code: string;
  readonly severity: Severity;
  readonly kind: IssueKind;
  readonly message: string;
  readonly resource: string;
  readonly origin: Origin;
  readonly docUrl: string;
  readonly fixes?: readonly FixIntent[];
}

export interface ReadinessReport {
  readonly resource: string;
  readonly origin: Origin;
  readonly evaluations: readonly RuleEvaluation[];
  readonly findings: readonly ReadinessFinding[];
}

export interface ReadinessOptions {
  /** Severity per rule, keyed by code (`vmss-health-signal`) or number (`R3`); 'off' silences a rule. */
  readonly severity?: Readonly<Record<string, SeveritySetting>>;
  /** Which supported-image table R2 uses (default: the current one). */
  readonly imageTable?: 'current' | 'seed-2020';
  /** The clock expiry dates are judged by (R11: a SAS whose `se=` is past); without one, no expiry is judged. */
  readonly clock?: { now(): number };
}
