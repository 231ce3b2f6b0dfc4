// What `explain` answers, for one of our runs (from its journal) or Azure's own rolling / automatic
// upgrade (from rollingUpgrades/latest or the OS upgrade history plus the instance views).
import type { ScaleSetRef } from '../../azure/gateway';
import { catalogue, type FailureId, type FixAction, type FixContext } from './catalogue';
import type { InstanceEvidence } from './evidence';
import type { LearnPage } from './learn';

export interface ExplainedFix {
  readonly label: string;
  readonly command?: string;
  readonly risk?: string;
  readonly action?: FixAction;
}

export interface ExplainedFailure {
  readonly id: FailureId;
  readonly title: string;
  /** The ARM error code Azure reported (or the one the catalogue gives this failure). */
  readonly code?: string;
  readonly rules: readonly string[];
  readonly cause: string;
  /** What this run or upgrade said about it: counts, limits, Azure's message. */
  readonly detail?: string;
  /** The first instances that failed, in the order they failed, with their instance views. */
  readonly instances: readonly InstanceEvidence[];
  readonly fixes: readonly ExplainedFix[];
  readonly learn: readonly LearnPage[];
  readonly unverified?: string;
}

export interface Explanation {
  readonly source: 'run' | 'platform';
  readonly scaleSet: ScaleSetRef;
  readonly runId?: string;
  /** Our run's outcome, or Azure's runningStatus.code. */
  readonly status: string;
  readonly startedBy?: string;
  readonly startedAt?: number;
  readonly failed: boolean;
  readonly summary: string;
  /** The main cause first, then what else went wrong. */
  readonly failures: readonly ExplainedFailure[];
}

/** How many failed instances an explanation names per cause. */
export const firstInstancesShown = 5;

export function explainFailure(id: FailureId, ctx: FixContext, extra: { code?: string; detail?: string; instances?: readonly InstanceEvidence[] } = {}): ExplainedFailure {
  const entry = catalogue[id];
  const instances = (extra.instances ?? []).slice(0, firstInstancesShown);
  const fixCtx = { ...ctx, instanceIds: instances.map((i) => i.instanceId) };
  const code = extra.code ?? entry.codes[0];
  return {
    id,
    title: entry.title,
    ...(code ? { code } : {}),
    rules: entry.rules,
    cause: entry.cause,
    ...(extra.detail ? { detail: extra.detail } : {}),
    instances,
    fixes: entry.fixes.map((f) => ({ label: f.label, ...(f.command ? { command: f.command(fixCtx) } : {}), ...(f.risk ? { risk: f.risk } : {}), ...(f.action ? { action: f.action } : {}) })),
    learn: entry.learn,
    ...(entry.unverified ? { unverified: entry.unverified } : {}),
  };
}

/** An ARM error code inside a recorded message ("…: AllocationFailed: …", "(Code) message"). */
export function codeIn(text: string | undefined): string | undefined {
  if (!text) return undefined;
  return /\b([A-Z][A-Za-z]+(?:Error|Exceeded[A-Za-z]*|InProgress[A-Za-z]*|Failed|NotAllowed|AllocationRequest|Conflict|NotFound))\b/.exec(text)?.[1];
}

/** What the failing instances' views add: failed extensions, or a probe that never answers (H3). */
export function evidenceCauses(evidence: readonly InstanceEvidence[], ctx: FixContext): ExplainedFailure[] {
  const out: ExplainedFailure[] = [];
  const extensions = evidence.filter((e) => e.extensionProblems?.length || e.provisioningState?.toLowerCase() === 'failed');
  if (extensions.length > 0) out.push(explainFailure('extensionProvisioningFailed', ctx, { detail: `${extensions.length} instance(s) show failed extensions or provisioning.`, instances: extensions }));
  const unknown = evidence.filter((e) => e.health === 'unknown' && e.powerState === 'running' && e.healthSource === 'signal' && !e.extensionProblems?.length);
  if (unknown.length > 0 && unknown.length === evidence.filter((e) => !e.extensionProblems?.length).length) {
    out.push(explainFailure('healthExtensionMisconfigured', ctx, { detail: `${unknown.length} running instance(s) report Unknown health.`, instances: unknown }));
  }
  return out;
}

