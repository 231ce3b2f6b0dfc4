// The complete catalogue of telemetry events (issue 8). Nothing else is ever sent: the sanitizer drops
// any property or measurement that is not listed here, and the README's privacy section is written from
// this list. Property values are short enumerations; none may hold an id, a name, a path or a message.
import type { RunOutcome, StrategyKind } from '../core/contract';

export type { RunOutcome, StrategyKind };

export type Outcome = 'succeeded' | 'failed' | 'cancelled';

/** Instance counts are sent as a bucket, never as the exact size of someone's fleet. */
export type InstanceCountBucket = '0' | '1-2' | '3-10' | '11-50' | '51-100' | '101-500' | '501-1000' | '1000+';

export type ConnectionKind = 'azure' | 'simulator' | 'none';

/** Where templates were linted: the editor's diagnostics (the CLI sends no telemetry at all). */
export type LintSource = 'editor';

/** The readiness rules R1–R16 (spec R); lint counts findings per rule. */
export const readinessRules = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10', 'R11', 'R12', 'R13', 'R14', 'R15', 'R16'] as const;
export type ReadinessRule = (typeof readinessRules)[number];

export interface TelemetryCatalogue {
  activation: {
    properties: { connection: ConnectionKind };
    measurements: { durationMs: number };
  };
  command: {
    properties: { command: string; outcome: Outcome; errorCode?: string };
    measurements: { durationMs: number };
  };
  run: {
    properties: { strategy: StrategyKind; canary: 'yes' | 'no'; outcome: RunOutcome; instanceCount: InstanceCountBucket; connection: ConnectionKind };
    measurements: { batches: number; rollbacks: number; durationMs: number };
  };
  lint: {
    properties: { source: LintSource };
    measurements: { documents: number; findings: number; otherFindings: number } & { [R in ReadinessRule]?: number };
  };
}

export type TelemetryEventName = keyof TelemetryCatalogue;
export type PropertiesOf<E extends TelemetryEventName> = TelemetryCatalogue[E]['properties'];
export type MeasurementsOf<E extends TelemetryEventName> = TelemetryCatalogue[E]['measurements'];

export interface EventDescription<E extends TelemetryEventName> {
  readonly when: string;
  readonly properties: { readonly [K in keyof PropertiesOf<E>]-?: string };
  readonly measurements: { readonly [K in keyof MeasurementsOf<E>]-?: string };
}

const ruleCounts = Object.fromEntries(readinessRules.map((rule) => [rule, `findings of readiness rule ${rule}`])) as { [R in ReadinessRule]: string };

/** What each event holds, in words: the sanitizer's allow-list and the privacy documentation. */
export const telemetryEvents: { readonly [E in TelemetryEventName]: EventDescription<E> } = {
  activation: {
    when: 'the extension finished activating',
    properties: { connection: 'azure, simulator or none (which kind of connection was restored at start)' },
    measurements: { durationMs: 'time spent in activate(), in milliseconds' },
  },
  command: {
    when: 'any command of the extension finished',
    properties: {
      command: 'the command id, e.g. vmssUpgrades.refresh',
      outcome: 'succeeded, failed or cancelled',
      errorCode: 'on failure only: an error code such as RollingUpgradeInProgress or a kind such as network (never the message)',
    },
    measurements: { durationMs: 'time the command took, in milliseconds' },
  },
  run: {
    when: "a run of the extension's orchestrator ended (O1–O8)",
    properties: {
      strategy: 'how batches were formed: percentage, count, updateDomain, faultDomain, zoneThenUpdateDomain, crossZone or explicit',
      canary: 'yes when the run began with a canary batch',
      outcome: 'succeeded, completedWithFailures, aborted, refused, cancelled, rejected or failed',
      instanceCount: 'the number of instances in the plan as a bucket: 0, 1-2, 3-10, 11-50, 51-100, 101-500, 501-1000, 1000+',
      connection: 'azure or simulator',
    },
    measurements: { batches: 'batches finished', rollbacks: 'instances rolled back', durationMs: 'run duration in milliseconds (simulated time on the simulator)' },
  },
  lint: {
    when: 'an ARM template open in the editor was checked for readiness (once per document and session, when its findings settle)',
    properties: { source: 'editor' },
    measurements: {
      documents: 'templates checked (1)',
      findings: 'findings in total',
      otherFindings: 'findings of checks beyond R1–R16 (e.g. rolling upgrade policy ranges)',
      ...ruleCounts,
    },
  },
};
