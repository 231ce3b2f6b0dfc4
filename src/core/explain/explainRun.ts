// Explains one of our runs from its journal alone: the stop decision (O1 refusal, O5/O6 abort, a
// platform upgrade in progress, a rejected gate) and, per failed instance, why it failed — its move
// error (classified by the ARM code it carries), its last instance view at the health verdict, or a
// failed rollback. Instances are listed in the order the journal recorded their failure.
import type { JournalEntry } from '../journal/records';
import { replayJournal } from '../journal/replay';
import { entryForCode, type FailureId, type FixContext } from './catalogue';
import type { InstanceEvidence } from './evidence';
import { codeIn, evidenceCauses, explainFailure, type ExplainedFailure, type Explanation } from './explanation';

type Entry<T extends JournalEntry['type']> = Extract<JournalEntry, { type: T }>;

interface InstanceFailure {
  readonly id: FailureId;
  readonly code?: string;
  readonly evidence: InstanceEvidence;
}

/** Why one move failed: the ARM code in its error, else the instance's state. */
function moveFailure(e: Entry<'moved'>): InstanceFailure {
  const code = codeIn(e.error);
  const entry = entryForCode(code, e.error);
  const evidence: InstanceEvidence = { instanceId: e.instanceId, batch: e.batch, ...(e.error ? { error: e.error } : {}) };
  if (entry) return { id: entry.id, ...(code ? { code } : {}), evidence };
  if (/provisioning failed/i.test(e.error ?? '')) return { id: 'extensionProvisioningFailed', evidence };
  return { id: 'diskReplacementFailed', ...(code ? { code } : {}), evidence };
}

/** Why one instance was judged unhealthy (O4), from its last instance view (H1–H3). */
function verdictFailure(e: Entry<'healthVerdict'>): InstanceFailure {
  const seen = e.evidence;
  const evidence: InstanceEvidence = { ...seen, instanceId: e.instanceId, batch: e.batch, health: e.health, error: `not healthy in time (${e.health})` };
  if (seen?.extensionProblems?.length || seen?.provisioningState?.toLowerCase() === 'failed') return { id: 'extensionProvisioningFailed', evidence };
  if (e.health === 'unknown' && seen?.healthSource !== 'derived' && seen?.powerState !== undefined && seen.powerState === 'running') return { id: 'healthExtensionMisconfigured', evidence };
  return { id: 'healthTimeout', evidence };
}

function instanceFailures(entries: readonly JournalEntry[]): InstanceFailure[] {
  const out: InstanceFailure[] = [];
  for (const e of entries) {
    if (e.type === 'moved' && !e.ok) out.push(moveFailure(e));
    else if (e.type === 'healthVerdict' && !e.healthy) out.push(verdictFailure(e));
    else if (e.type === 'rolledBack' && !e.ok) out.push({ id: 'rollbackFailed', ...(codeIn(e.error) ? { code: codeIn(e.error) } : {}), evidence: { instanceId: e.instanceId, batch: e.batch, ...(e.error ? { error: e.error } : {}) } });
    else if (e.type === 'surgeRefused') {
      const code = codeIn(e.reason);
      out.push({ id: /quota/i.test(e.reason) ? 'quotaExceeded' : (entryForCode(code, e.reason)?.id ?? 'allocationFailed'), ...(code ? { code } : {}), evidence: { instanceId: `batch ${e.batch + 1}`, batch: e.batch, error: `maxSurge scale-out refused, the batch moved in place: ${e.reason}` } });
    }
  }
  return out;
}

/** Groups instance failures by cause, in the order each cause first appeared. */
function grouped(failures: readonly InstanceFailure[], ctx: FixContext): ExplainedFailure[] {
  const byId = new Map<FailureId, InstanceFailure[]>();
  for (const f of failures) byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
  return [...byId.entries()].map(([id, list]) => {
    const code = list.find((f) => f.code)?.code;
    return explainFailure(id, ctx, { ...(code ? { code } : {}), detail: `${list.length} instance(s).`, instances: list.map((f) => f.evidence) });
  });
}

function lastFailedCheck(entries: readonly JournalEntry[], rule: 'O1' | 'O6'): Entry<'healthCheck'> | undefined {
  return entries.filter((e): e is Entry<'healthCheck'> => e.type === 'healthCheck' && e.rule === rule && !e.ok).at(-1);
}

function checkDetail(c: Entry<'healthCheck'>, limit: number): string {
  const percent = c.total === 0 ? 0 : (c.unhealthy * 100) / c.total;
  return `${c.rule}: ${c.unhealthy} of ${c.total} instances unhealthy (${percent.toFixed(1)}%), the limit is ${limit}%${c.rule === 'O6' ? `; stopped before batch ${c.batch + 1}` : '; nothing was moved'}.`;
}

/** A failed bake verdict (issue 16) that stopped the run: the gate, what it read, the instances it names. */
function bakeBreach(entries: readonly JournalEntry[], ctx: FixContext): ExplainedFailure | undefined {
  const verdict = entries.filter((e): e is Entry<'bake'> & { phase: 'verdict' } => e.type === 'bake' && e.phase === 'verdict' && !e.ok).at(-1);
  if (!verdict) return undefined;
  const failed = verdict.verdicts.filter((v) => !v.ok);
  const instances = failed.flatMap((v) => (v.unhealthy ?? []).map((instanceId): InstanceEvidence => ({ instanceId, batch: verdict.batch, error: `${v.gate} gate: not healthy during the bake` })));
  return explainFailure('bakeGateBreached', ctx, { detail: `After batch ${verdict.batch + 1}: ${failed.map((v) => `${v.gate} gate — ${v.detail}`).join('; ')}.`, instances });
}

/** The run's stop decision as a catalogue entry, with the instances it concerns. */
function stopCause(entries: readonly JournalEntry[], outcome: string, reason: string, limits: { unhealthy: number; upgraded: number }, failures: readonly InstanceFailure[], ctx: FixContext): ExplainedFailure | undefined {
  if (/maintenance window/i.test(reason)) return explainFailure('outsideMaintenanceWindow', ctx, { detail: reason });
  // A bake gate's breach is the stop, whether it rolled back (aborted), was rejected or cancelled at its gate.
  if (/A gate failed during the bake/.test(reason)) {
    const breach = bakeBreach(entries, ctx);
    if (breach) return breach;
  }
  if (outcome === 'refused') {
    const o1 = lastFailedCheck(entries, 'O1');
    if (o1) return explainFailure('unhealthyBeforeUpgrade', ctx, { detail: checkDetail(o1, limits.unhealthy), instances: o1.evidence ?? [] });
    if (/rolling upgrade is in progress/i.test(reason)) return explainFailure('upgradeInProgress', ctx, { detail: reason });
    const code = codeIn(reason);
    const entry = entryForCode(code, reason);
    return entry ? explainFailure(entry.id, ctx, { ...(code ? { code } : {}), detail: reason }) : undefined;
  }
  if (outcome === 'aborted') {
    const o6 = lastFailedCheck(entries, 'O6');
    if (o6 && /^O6/.test(reason)) return explainFailure('setUnhealthyDuringUpgrade', ctx, { code: 'MaxUnhealthyInstancePercentExceededInRollingUpgrade', detail: checkDetail(o6, limits.unhealthy), instances: o6.evidence ?? [] });
    const upgraded = failures.filter((f) => f.id !== 'rollbackFailed' && f.id !== 'quotaExceeded').map((f) => f.evidence);
    return explainFailure('upgradedInstancesUnhealthy', ctx, { detail: `${reason} (maxUnhealthyUpgradedInstancePercent ${limits.upgraded}%)`, instances: upgraded });
  }
  if (outcome === 'rejected') return explainFailure('gateRejected', ctx, { detail: reason });
  if (outcome === 'cancelled') return explainFailure('cancelled', ctx, { detail: reason });
  return undefined;
}

/** Explains a run from its journal entries; undefined without a start record. */
export function explainRun(entries: readonly JournalEntry[]): Explanation | undefined {
  const p = replayJournal(entries);
  if (!p) return undefined;
  const ctx: FixContext = { ...p.scaleSet, instanceIds: [], runId: p.runId };
  const failures = instanceFailures(entries);
  const outcome = p.finished?.outcome ?? 'unfinished';
  const reason = p.finished?.reason ?? (p.finished ? '' : 'The run has not finished (resume it, or it is still running).');
  const policy = p.plan.policy;
  const stop = stopCause(entries, outcome, reason, { unhealthy: policy.maxUnhealthyInstancePercent, upgraded: policy.maxUnhealthyUpgradedInstancePercent }, failures, ctx);
  // What the instance views at a failed O1/O6 check add (failed extensions, a probe never answering).
  const fromCheck = stop && (stop.id === 'unhealthyBeforeUpgrade' || stop.id === 'setUnhealthyDuringUpgrade') ? evidenceCauses(stop.instances, ctx) : [];
  const all: ExplainedFailure[] = [];
  for (const f of [...(stop ? [stop] : []), ...grouped(failures, ctx), ...fromCheck]) if (!all.some((a) => a.id === f.id)) all.push(f);
  return {
    source: 'run',
    scaleSet: p.scaleSet,
    runId: p.runId,
    status: outcome,
    startedAt: p.startedAt,
    failed: outcome !== 'succeeded' || all.length > 0,
    summary: reason || (all.length === 0 ? 'Nothing failed.' : `${all.length} cause(s).`),
    failures: all,
  };
}
