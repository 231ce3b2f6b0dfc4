// Bake time and gates after a batch (issue 16), before its batchFinished: the run waits the bake time,
// re-reading the gates (gateChecks.ts) every health poll, and stops at the first breach. The bake's end
// is journaled as an absolute time when it starts, so a reload resumes the rest of the bake — never
// restarts it, never skips it; the verdict is journaled with its evidence, so a reload after it acts on
// the same verdict. A breach rolls the batch back and aborts, or opens an approval gate (`pause`).
import type { BakeGates, GateVerdict } from '../../contract';
import type { BakeProgress, BatchProgress } from '../../journal/replay';
import { alertGate, healthGate } from '../gateChecks';
import { metricGate } from '../metricGateCheck';
import { rollBack } from '../rollback';
import type { RunContext } from '../runContext';
import type { RunHost, Stop } from './host';

const clockTime = (ms: number) => new Date(ms).toISOString().slice(11, 19);

async function evaluate(ctx: RunContext, config: BakeGates, from: number): Promise<GateVerdict[]> {
  const verdicts = [await healthGate(ctx)];
  if (config.alerts) verdicts.push(await alertGate(ctx, config.alerts, from, ctx.clock.now()));
  for (const gate of config.metrics ?? []) verdicts.push(await metricGate(ctx, gate, from, ctx.clock.now()));
  return verdicts;
}

/** Watches until the bake's end or the first breach; the last reading is the verdict. */
async function watch(ctx: RunContext, config: BakeGates, bake: BakeProgress): Promise<GateVerdict[]> {
  const pollMs = Math.max(1000, ctx.policy.healthPollMs);
  for (;;) {
    const verdicts = await evaluate(ctx, config, bake.from);
    const now = ctx.clock.now();
    if (verdicts.some((v) => !v.ok) || now >= bake.endsAt) return verdicts;
    await ctx.clock.sleep(Math.min(pollMs, bake.endsAt - now), ctx.signal);
  }
}

function breachText(batch: BatchProgress, verdicts: readonly GateVerdict[]): string {
  const failed = verdicts.filter((v) => !v.ok).map((v) => `${v.gate}: ${v.detail}`);
  return `A gate failed during the bake after batch ${batch.index + 1} — ${failed.join('; ')}.`;
}

/** The batch's instances that moved and can go back (a surge batch's old instances are already deleted). */
async function rollBackBatch(ctx: RunContext, batch: BatchProgress): Promise<string> {
  const ids = batch.instanceIds.filter((id) => {
    const i = ctx.progress.instances.get(id);
    return i?.state === 'succeeded' && !i.deleted && !i.replaces && i.from !== undefined;
  });
  if (ids.length > 0) {
    ctx.emit({ type: 'batch', index: batch.index, state: 'rollingBack', instanceIds: ids });
    await rollBack(ctx, batch.index, ids);
  }
  const back = batch.instanceIds.filter((id) => ctx.progress.instances.get(id)?.state === 'rolledBack').length;
  return back > 0 ? `The batch was rolled back (${back} instance(s)).` : 'Nothing in the batch could be rolled back.';
}

async function onBreach(host: RunHost, batch: BatchProgress, config: BakeGates, verdicts: readonly GateVerdict[]): Promise<Stop | undefined> {
  const { ctx } = host;
  const p = ctx.progress;
  const reason = breachText(batch, verdicts);
  if (config.onBreach === 'rollback') return { outcome: 'aborted', reason: `${reason} ${await rollBackBatch(ctx, batch)}` };
  const decided = () => (p.gate?.batch === batch.index && p.gate.reason === 'breach' ? p.gate.state : undefined);
  if (decided() === undefined) ctx.record({ type: 'gate', batch: batch.index, reason: 'breach', state: 'open' });
  if (decided() === 'open') {
    ctx.emit({ type: 'gate', afterBatch: batch.index, reason: 'breach', state: 'open' });
    host.setState('awaitingApproval', `${reason} Approve to continue anyway; reject rolls the batch back.`);
    const started = ctx.clock.now();
    while (decided() === 'open' && !p.cancel) await host.nextCommand();
    ctx.record({ type: 'waited', kind: 'gate', ms: ctx.clock.now() - started });
  }
  if (decided() === 'rejected') return { outcome: 'rejected', reason: `${reason} The gate was rejected. ${await rollBackBatch(ctx, batch)}` };
  if (p.cancel && decided() !== 'approved') return { outcome: 'cancelled', reason: `${reason} Cancelled at the gate.` };
  host.setState('running');
  return undefined;
}

/**
 * The stop a breach decided, from the journal alone: a process killed after a breached batch's
 * batchFinished (before runFinished) must not go on with the next batch, nor end as if all went well.
 */
export function journaledBreach(ctx: RunContext): Stop | undefined {
  const config = ctx.progress.plan.gates.bake;
  if (!config) return undefined;
  const p = ctx.progress;
  for (const [index, bake] of [...p.bakes.entries()].sort((a, b) => a[0] - b[0])) {
    const batch = p.batches[index];
    if (!batch || batch.state !== 'finished' || !bake.verdict || bake.verdict.ok) continue;
    const reason = breachText(batch, bake.verdict.verdicts);
    const back = batch.instanceIds.filter((id) => p.instances.get(id)?.state === 'rolledBack').length;
    const rolled = back > 0 ? `The batch was rolled back (${back} instance(s)).` : 'Nothing in the batch could be rolled back.';
    if (config.onBreach === 'rollback') return { outcome: 'aborted', reason: `${reason} ${rolled}` };
    const decision = bake.decision;
    if (decision === 'rejected') return { outcome: 'rejected', reason: `${reason} The gate was rejected. ${rolled}` };
    if (decision !== 'approved') return { outcome: 'cancelled', reason: `${reason} Cancelled at the gate.` };
  }
  return undefined;
}

/** Bakes after `batch` when the plan asks for it; a Stop when a gate failed and the run must end. */
export async function bakeAfterBatch(host: RunHost, batch: BatchProgress): Promise<Stop | undefined> {
  const { ctx } = host;
  const config = ctx.progress.plan.gates.bake;
  if (!config) return undefined;
  let bake = ctx.progress.bakes.get(batch.index);
  if (!bake) {
    const now = ctx.clock.now();
    ctx.record({ type: 'bake', batch: batch.index, phase: 'started', from: batch.startedAt ?? now, endsAt: now + config.bakeMs });
    bake = ctx.progress.bakes.get(batch.index)!;
  }
  if (!bake.verdict) {
    ctx.emit({ type: 'bake', batch: batch.index, state: 'started', endsAt: bake.endsAt });
    host.setState('running', `Baking batch ${batch.index + 1} until ${clockTime(bake.endsAt)} UTC (${config.bake}).`);
    const verdicts = await watch(ctx, config, bake);
    const ok = verdicts.every((v) => v.ok);
    ctx.record({ type: 'bake', batch: batch.index, phase: 'verdict', ok, verdicts });
    ctx.emit({ type: 'bake', batch: batch.index, state: ok ? 'passed' : 'breached', endsAt: bake.endsAt, verdicts });
  }
  const verdict = bake.verdict!;
  return verdict.ok ? undefined : onBreach(host, batch, config, verdict.verdicts);
}
